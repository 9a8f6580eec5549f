// TraceReportWriter: prints a TraceReport as aligned plain text (for people) or as indented JSON
// (for machines; the property names are the TraceReport's, camelCased).
using System.Globalization;
using System.Text.Json;

namespace Fast.Perf.Tracing;

public static class TraceReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteJson(TraceReport report, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteText(TraceReport r, TextWriter o)
    {
        o.WriteLine($"trace {r.File}: {r.DurationMs:F1} ms, {r.EventsLost} events lost");
        o.WriteLine();
        o.WriteLine("events");
        if (r.Counts.Count == 0) o.WriteLine("  (no Fast events)");
        foreach (var (name, count) in r.Counts) o.WriteLine($"  {name.PadRight(Label - 2)}{count,10}");

        if (r.Latencies.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(Header("latency (us)"));
            foreach (var (kind, l) in r.Latencies) o.WriteLine(Row(kind, l));
        }
        Section(o, "faults by kind", r.FaultsByKind);
        Section(o, "faults by region", r.FaultsByRegion);
        if (r.Syscalls.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(Header("syscalls (us)"));
            foreach (var s in r.Syscalls) o.WriteLine(Row($"{s.Name} ({s.Number})", s.Latency));
        }
        o.WriteLine();
        o.WriteLine($"guest methods jitted: {r.GuestMethodsJitted}" + (r.GuestMethodExamples.Count > 0 ? $" (e.g. {string.Join(", ", r.GuestMethodExamples.Take(3))})" : ""));
        o.WriteLine($"cpu samples: {r.Samples}, with a guest frame: {r.GuestSamples}");
        if (r.HotGuestPcFunctions.Count > 0)
        {
            o.WriteLine($"hottest guest functions by PC samples ({r.PcSamples} samples, every tier)");
            foreach (var f in r.HotGuestPcFunctions) o.WriteLine($"  {f.Share * 100,6:F2}%  {f.Samples,8}  {f.Name}");
        }
        if (r.HotGuestFunctions.Count > 0)
        {
            o.WriteLine("hottest guest functions (share of samples with a guest frame)");
            foreach (var f in r.HotGuestFunctions) o.WriteLine($"  {f.Share * 100,6:F2}%  {f.Samples,8}  {f.Name}");
        }
    }

    const int Label = 30;

    static string Header(string title) =>
        $"{title.PadRight(Label)}{"count",10} {"mean",10} {"p50",10} {"p90",10} {"p99",10} {"max",10}";

    static string Row(string label, LatencySummary l) => string.Create(CultureInfo.InvariantCulture,
        $"  {label.PadRight(Label - 2)}{l.Count,10} {l.MeanUs,10:F2} {l.P50Us,10:F2} {l.P90Us,10:F2} {l.P99Us,10:F2} {l.MaxUs,10:F2}");

    static void Section(TextWriter o, string title, List<NamedCount> rows)
    {
        if (rows.Count == 0) return;
        o.WriteLine();
        o.WriteLine(title);
        foreach (var row in rows) o.WriteLine($"  {row.Name.PadRight(Label - 2)}{row.Count,10}");
    }
}
