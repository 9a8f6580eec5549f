// A guard on `fast run`'s start-up (not timed): the warming thread runs the semantics of
// SemanticsWarmer.StartupRows before the guest starts, so every row busybox's start-up decodes
// should be in that list (or be one the warmer must not run). A new glibc or busybox that decodes
// other rows at start-up fails here: add them to the list.
using Fast.Translator;
using Fast.Translator.Interpreter;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public sealed unsafe class StartupWarmingTests(DebianSysrootFixture fixture) : IClassFixture<DebianSysrootFixture>
{
    /// <summary>Rows the warmer leaves out: they leave the scratch state (SVC, system registers, DC ZVA), or decode as another (HINT as NOP).</summary>
    static readonly HashSet<string> NotWarmed = ["SVC", "MRS", "MSR_reg", "DC_ZVA", "HINT"];

    [Theory]
    [InlineData("true")]
    [InlineData("sh", "-c", "true")]
    public void EveryRowBusyboxStartUpDecodesIsWarmed(params string[] args)
    {
        string busybox = Path.Combine(fixture.Sysroot.Arm64, "bin", "busybox");
        var decoded = new SortedSet<string>(StringComparer.Ordinal);
        var r = GuestPrograms.Run(busybox, args, sysroot: fixture.Sysroot.Arm64, inspect: machine =>
        {
            var rows = Decoder.Rows;
            foreach (var block in ((Interpreter)machine.Engine).Cache.Snapshot())
                for (int i = 0; i < block.Count; i++)
                    if (block.Instructions[i].Row is int row and >= 0) decoded.Add(rows[row].Name);
        });
        Assert.Equal(0, r.ExitCode);
        var warmed = new HashSet<string>(SemanticsWarmer.StartupRows);
        var missing = decoded.Where(name => !warmed.Contains(name) && !NotWarmed.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"busybox {string.Join(' ', args)} decodes rows SemanticsWarmer.StartupRows lacks: {string.Join(", ", missing)}");
    }
}
