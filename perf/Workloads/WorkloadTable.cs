// WorkloadTable: prints WorkloadResults — median wall time per engine, Fast/qemu and Fast/native
// per workload, their geometric means, and below the table why any cell is empty.
using Fast.Perf.Compare;

namespace Fast.Perf.Workloads;

public static class WorkloadTable
{
    public static void Write(WorkloadResults results, TextWriter output)
    {
        var engines = results.Workloads.SelectMany(w => w.Engines.Keys).Distinct()
            .OrderBy(e => e switch { "native" => 0, "qemu" => 1, "fast" => 2, _ => 3 }).ThenBy(e => e, StringComparer.Ordinal).ToList();
        string[] headers = ["workload", .. engines.Select(e => $"{e} (s)"), "fast/qemu", "fast/native"];
        var rows = new List<string[]>();
        var notes = new List<string>();
        foreach (var w in results.Workloads)
        {
            var cells = new List<string> { w.Name };
            foreach (var e in engines)
            {
                if (!w.Engines.TryGetValue(e, out var r)) { cells.Add("-"); continue; }
                cells.Add(r.MedianSeconds is double m ? (m < 0.1 ? $"{m:F4}" : $"{m:F3}") : r.Status);
                if (r.Status != EngineResult.Ok && r.Reason is not null) notes.Add($"{e}: {r.Status}: {r.Reason}");
            }
            cells.Add(Ratio(w.FastOverQemu));
            cells.Add(Ratio(w.FastOverNative));
            rows.Add([.. cells]);
        }
        rows.Add([results.Workloads.Any(w => w.StartUp) ? "geometric mean (without start-up)" : "geometric mean", .. engines.Select(_ => ""), Ratio(results.GeomeanFastOverQemu), Ratio(results.GeomeanFastOverNative)]);
        ConsoleTable.Write(output, headers, rows, $"median wall time of {results.Runs} runs per engine");
        foreach (var note in notes.Distinct()) output.WriteLine(note);
    }

    static string Ratio(double? r) => r is double v ? $"{v:F2}x" : "-";
}
