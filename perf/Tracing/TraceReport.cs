// TraceReport: the summary `fast trace report FILE.nettrace` prints (DESIGN.md section 6). It opens
// the file with TraceEvent's TraceLog (which converts it once to a .etlx beside it, resolving
// managed frames from the JIT's MethodLoadVerbose and rundown events) and makes one pass over the
// events:
//   - `Fast` events, recognised by name (EventPipe renumbers the events of a self-describing
//     EventSource, so FastEventSource's ids do not survive; its names do): counts per kind; latency
//     percentiles from the DurationTicks payload of each stop (faults, syscalls, region compiles)
//     and from IpcReceive's LatencyTicks (IPC); faults by kind/access and by address region (the
//     start carries them; the stop carries the duration); syscalls by number with their names.
//   - JIT MethodLoadVerbose events whose name holds `guest!`: tier-1 regions that were jitted.
//   - Sample profiler samples: each sample's innermost `guest!` frame is charged one sample; the
//     hottest guest functions are reported with their share of the samples that had a guest frame
//     (idle threads are sampled too, so a share of all samples would measure idleness).
// Durations are Stopwatch ticks of the recording machine, converted with this machine's
// Stopwatch.Frequency: the same on every .NET on Linux (1 ns) and on Windows (QPC's frequency).
using Fast.Os.Linux.Syscalls;
using Fast.Runtime;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Fast.Perf.Tracing;

public sealed record NamedCount(string Name, long Count);
public sealed record SyscallRow(int Number, string Name, LatencySummary Latency);
public sealed record HotFunction(string Name, long Samples, double Share);

public sealed class TraceReport
{
    public string File { get; init; } = "";
    public double DurationMs { get; init; }
    public long EventsLost { get; init; }
    /// <summary>Count of every `Fast` event kind seen, by event name.</summary>
    public SortedDictionary<string, long> Counts { get; init; } = new();
    /// <summary>Latency per start/stop kind: Fault, Syscall, RegionCompile, Ipc.</summary>
    public SortedDictionary<string, LatencySummary> Latencies { get; init; } = new();
    public List<NamedCount> FaultsByKind { get; init; } = new();
    public List<NamedCount> FaultsByRegion { get; init; } = new();
    public List<SyscallRow> Syscalls { get; init; } = new();
    public long GuestMethodsJitted { get; init; }
    public List<string> GuestMethodExamples { get; init; } = new();
    public long Samples { get; init; }
    public long GuestSamples { get; init; }
    public List<HotFunction> HotGuestFunctions { get; init; } = new();
    /// <summary>Guest PC samples (GuestPcSample events) and the functions they fell in, any tier.</summary>
    public long PcSamples { get; init; }
    public List<HotFunction> HotGuestPcFunctions { get; init; } = new();

    public const string GuestPrefix = "guest!";

    /// <summary>Reads a .nettrace (or an .etlx converted earlier) and summarises it.</summary>
    public static TraceReport Analyze(string path, int topFunctions = 20, string? sysroot = null)
    {
        string etlx = path.EndsWith(".etlx", StringComparison.OrdinalIgnoreCase) ? path
            : TraceLog.CreateFromEventPipeDataFile(path, Path.ChangeExtension(Path.GetTempFileName(), ".etlx"));
        try
        {
            using var log = new TraceLog(etlx);
            return Analyze(log, path, topFunctions, sysroot);
        }
        finally
        {
            if (!ReferenceEquals(etlx, path)) TryDelete(etlx);
        }
    }

    static void TryDelete(string file)
    {
        try { System.IO.File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static TraceReport Analyze(TraceLog log, string path, int topFunctions, string? sysroot)
    {
        var symbols = new GuestSymbolizer(sysroot);
        var pcSamples = new List<(int Pid, ulong Pc)>();
        double ticksPerSecond = System.Diagnostics.Stopwatch.Frequency;
        var counts = new SortedDictionary<string, long>();
        var latency = new Dictionary<string, LatencyStats>();
        LatencyStats Lat(string kind) => latency.TryGetValue(kind, out var s) ? s : latency[kind] = new LatencyStats();
        var faultKinds = new Dictionary<string, long>();
        var faultRegions = new Dictionary<string, long>();
        var syscalls = new Dictionary<int, LatencyStats>();
        var guestMethods = new HashSet<string>();
        var hot = new Dictionary<string, long>();
        long samples = 0, guestSamples = 0;

        foreach (TraceEvent e in log.Events)
        {
            switch (e.ProviderName)
            {
                case TraceRecorder.FastProvider:
                    string name = FastEventName(e.EventName);
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    switch (name)
                    {
                        case "RegionCompileStop": Lat("RegionCompile").Add(Long(e, "DurationTicks")); break;
                        case "FaultStart":
                            string kind = $"{(FaultKind)Long(e, "Kind")} {(AccessKind)Long(e, "Access")}";
                            Bump(faultKinds, kind);
                            Bump(faultRegions, AddressRegions.Classify((ulong)Long(e, "Address")));
                            break;
                        case "FaultStop": Lat("Fault").Add(Long(e, "DurationTicks")); break;
                        case "SyscallStop":
                            long ticks = Long(e, "DurationTicks");
                            Lat("Syscall").Add(ticks);
                            int number = (int)Long(e, "Number");
                            (syscalls.TryGetValue(number, out var s) ? s : syscalls[number] = new LatencyStats()).Add(ticks);
                            break;
                        case "IpcReceive": Lat("Ipc").Add(Long(e, "LatencyTicks")); break;
                        case "HomeCall": Lat("HomeCall").Add(Long(e, "DurationTicks")); break;
                        case "GuestPcSample": pcSamples.Add(((int)Long(e, "Pid"), (ulong)Long(e, "Pc"))); break;
                        case "ImageMapped":
                            symbols.AddMapping((int)Long(e, "Pid"), (ulong)Long(e, "Start"), (ulong)Long(e, "End"), (ulong)Long(e, "Bias"),
                                (ulong)Long(e, "FileOffset"), e.PayloadByName("Path") as string ?? "");
                            break;
                    }
                    break;
                case TraceRecorder.RuntimeProvider or "Microsoft-Windows-DotNETRuntimeRundown":
                    if (e.EventName.StartsWith("Method/Load", StringComparison.Ordinal) || e.EventName.StartsWith("Method/DCEnd", StringComparison.Ordinal)
                        || e.EventName.StartsWith("Method/DCStart", StringComparison.Ordinal) || e.EventName.StartsWith("Method/DCStop", StringComparison.Ordinal))
                    {
                        string? method = e.PayloadByName("MethodName") as string;
                        if (method is not null && method.Contains(GuestPrefix, StringComparison.Ordinal)) guestMethods.Add(method);
                    }
                    break;
                case TraceRecorder.SampleProfilerProvider:
                    samples++;
                    string? frame = InnermostGuestFrame(e.CallStack());
                    if (frame is not null) { guestSamples++; Bump(hot, frame); }
                    break;
            }
        }

        var pcHot = new Dictionary<string, long>();
        foreach (var (pid, pc) in pcSamples) Bump(pcHot, symbols.Name(pid, pc));

        return new TraceReport
        {
            PcSamples = pcSamples.Count,
            HotGuestPcFunctions = pcHot.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(topFunctions)
                .Select(p => new HotFunction(p.Key, p.Value, Math.Round((double)p.Value / pcSamples.Count, 4))).ToList(),
            File = path,
            DurationMs = Math.Round(log.SessionDuration.TotalMilliseconds, 3),
            EventsLost = log.EventsLost,
            Counts = counts,
            Latencies = new SortedDictionary<string, LatencySummary>(latency.ToDictionary(p => p.Key, p => p.Value.Summarise(ticksPerSecond))),
            FaultsByKind = Ranked(faultKinds),
            FaultsByRegion = Ranked(faultRegions),
            Syscalls = syscalls.Select(p => new SyscallRow(p.Key, SyscallNames.Of(p.Key) ?? $"syscall_{p.Key}", p.Value.Summarise(ticksPerSecond)))
                .OrderByDescending(r => r.Latency.Count).ThenBy(r => r.Number).ToList(),
            GuestMethodsJitted = guestMethods.Count,
            GuestMethodExamples = guestMethods.Order(StringComparer.Ordinal).Take(10).ToList(),
            Samples = samples,
            GuestSamples = guestSamples,
            HotGuestFunctions = hot.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(topFunctions)
                .Select(p => new HotFunction(p.Key, p.Value, Math.Round((double)p.Value / guestSamples, 4))).ToList(),
        };
    }

    /// <summary>
    /// The FastEventSource method name of an event: EventPipe names a start/stop event "Task/Opcode"
    /// ("Fault/Start"), which without the slash is the method's name ("FaultStart").
    /// </summary>
    public static string FastEventName(string eventName)
    {
        string name = eventName.Replace("/", "", StringComparison.Ordinal);
        // The Send/Receive opcodes come through EventPipe as "IpcSendTransfer" and "IpcReceive240".
        if (name.StartsWith("IpcSend", StringComparison.Ordinal)) return "IpcSend";
        if (name.StartsWith("IpcReceive", StringComparison.Ordinal)) return "IpcReceive";
        return name;
    }

    /// <summary>The first frame from the leaf whose method name holds `guest!`, trimmed to start there.</summary>
    public static string? InnermostGuestFrame(TraceCallStack? stack)
    {
        for (; stack is not null; stack = stack.Caller)
        {
            string? guest = GuestName(stack.CodeAddress.FullMethodName);
            if (guest is not null) return guest;
        }
        return null;
    }

    /// <summary>`dynamicClass.guest!busybox!memcpy+0x40(...)` → `guest!busybox!memcpy+0x40`; null for other methods.</summary>
    public static string? GuestName(string? fullMethodName)
    {
        if (fullMethodName is null) return null;
        int at = fullMethodName.IndexOf(GuestPrefix, StringComparison.Ordinal);
        if (at < 0) return null;
        int end = fullMethodName.IndexOf('(', at);
        return end < 0 ? fullMethodName[at..] : fullMethodName[at..end];
    }

    static long Long(TraceEvent e, string field) => e.PayloadByName(field) switch
    {
        null => 0,
        ulong u => unchecked((long)u),
        uint u => u,
        IConvertible c => c.ToInt64(null),
        _ => 0,
    };

    static void Bump(Dictionary<string, long> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    static List<NamedCount> Ranked(Dictionary<string, long> d) =>
        d.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new NamedCount(p.Key, p.Value)).ToList();
}
