// WorkloadResults: the JSON `fast bench workloads --json FILE` writes and `fast bench compare`
// reads back. Every run's wall time is kept (not only the median) so a later comparison can test
// significance. An engine that could not run a workload (Fast before `run` existed, qemu missing)
// has Status "unavailable" and a Reason instead of runs; one whose output differed from the
// native output has Status "wrong-output".
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fast.Perf.Workloads;

public sealed class WorkloadResults
{
    public const string KindTag = "fast-bench-workloads";

    public string Kind { get; set; } = KindTag;
    public int Version { get; set; } = 1;
    public DateTimeOffset Started { get; set; }
    public string Host { get; set; } = Environment.MachineName;
    public int Runs { get; set; }
    /// <summary>Debian package versions used, by package (arm64 and amd64 are the same version).</summary>
    public SortedDictionary<string, string> Packages { get; set; } = new();
    public List<WorkloadResult> Workloads { get; set; } = new();
    /// <summary>Geometric means over the throughput workloads (not StartUp) where both engines ran correctly.</summary>
    public double? GeomeanFastOverQemu { get; set; }
    public double? GeomeanFastOverNative { get; set; }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    public static WorkloadResults Load(string path) => JsonSerializer.Deserialize<WorkloadResults>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: empty results");
}

public sealed class WorkloadResult
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>A start-up workload (Workload.StartUp): not in the geometric means.</summary>
    public bool StartUp { get; set; }
    /// <summary>By engine name (fast, qemu, native).</summary>
    public SortedDictionary<string, EngineResult> Engines { get; set; } = new();
    public double? FastOverQemu { get; set; }
    public double? FastOverNative { get; set; }
}

public sealed class EngineResult
{
    public const string Ok = "ok", Unavailable = "unavailable", WrongOutput = "wrong-output", Failed = "failed";

    public string Status { get; set; } = Ok;
    public string? Reason { get; set; }
    /// <summary>Wall time of every run, in seconds, in the order they ran.</summary>
    public List<double> Seconds { get; set; } = new();
    public double? MedianSeconds { get; set; }
}
