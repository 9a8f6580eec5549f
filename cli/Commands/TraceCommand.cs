// `fast trace`: reads traces that `fast run --trace FILE.nettrace` recorded (perf/Tracing).
//
//   fast trace report FILE.nettrace [--format text|json] [--top N] [-L SYSROOT]
//
// prints event counts, latency percentiles per start/stop kind, faults by kind and by address
// region, syscalls by number, and the hottest guest functions from the CPU samples. The same
// file opens in PerfView (CPU Stacks shows guest!... frames; Events shows the Fast provider).
using System.CommandLine;
using Fast.Perf.Tracing;

namespace Fast.Cli.Commands;

public sealed class TraceCommand : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string>("file") { Description = "A .nettrace file (fast run --trace FILE)" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var top = new Option<int>("--top") { Description = "How many hot guest functions to list (default 20)", DefaultValueFactory = _ => 20 };
        var sysroot = new Option<string?>("-L") { Description = "The sysroot the program ran with (to find the guest's libraries' symbols)" };
        var report = new Command("report", "Summarise a trace: counts, latency percentiles, faults, syscalls, hot guest functions") { file, format, top, sysroot };
        report.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            string path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"fast trace report: {path}: no such file");
                return 1;
            }
            try
            {
                var summary = TraceReport.Analyze(path, parseResult.GetValue(top), parseResult.GetValue(sysroot));
                if (parseResult.GetValue(format) == "json") TraceReportWriter.WriteJson(summary, output);
                else TraceReportWriter.WriteText(summary, output);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
            {
                error.WriteLine($"fast trace report: {path}: {e.Message}");
                return 1;
            }
        });
        return new Command("trace", "Read traces recorded with fast run --trace") { report };
    }
}
