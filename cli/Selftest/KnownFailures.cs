// KnownFailures: guest test programs that cannot pass yet because a kernel feature is missing,
// each with the reason. `fast selftest` still runs and counts them (a failure is a failure), but
// marks them, and the xUnit suite (tests/Os/Selftest) accepts their failure and fails if one of
// them starts passing, so this list never goes stale silently.
namespace Fast.Cli.Selftest;

public static class KnownFailures
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>
    {
    };
}
