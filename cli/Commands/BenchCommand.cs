// `fast bench`: Fast's throughput benchmarks (DESIGN.md section 7).
//
//   fast bench workloads [--runs N] [--filter NAME,...] [--json FILE] [--engines fast,qemu,native]
//                        [--fast PATH] [--fast-args "ARGS"] [--cache DIR] [--timeout SECONDS]
//       real Debian arm64 programs under Fast, qemu-aarch64 and natively (perf/Workloads); the
//       packages are fetched and unpacked into the cache by the runner itself (needs root once,
//       for dpkg --add-architecture arm64 and apt-get update)
//   fast bench compare OLD.json NEW.json [--threshold PCT] [--alpha P]
//       per-benchmark change with a Mann-Whitney U test; exits 1 on a regression beyond the
//       threshold (default 5 %), 2 on unreadable input (perf/Compare/BenchComparison.cs)
//   fast bench micro [BenchmarkDotNet arguments]
//       the BenchmarkDotNet suites of perf/Micro with JSON export (e.g. --filter '*Interpreter*')
using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using Fast.Perf.Compare;
using Fast.Perf.Workloads;

namespace Fast.Cli.Commands;

public sealed class BenchCommand : ICliCommand
{
    public Command Build() => new("bench", "Benchmarks: real workloads against qemu and native, comparisons, micro suites")
    {
        Workloads(), CompareCommand(), Micro(),
    };

    static Command Workloads()
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per engine and workload (default 5)", DefaultValueFactory = _ => 5 };
        var filter = new Option<string?>("--filter") { Description = "Only workloads whose name contains one of these (comma-separated)" };
        var json = new Option<string?>("--json") { Description = "Write every run's time to this JSON file (input of fast bench compare)" };
        var engines = new Option<string>("--engines") { Description = "Engines to time, comma-separated (default fast,qemu,native)", DefaultValueFactory = _ => "fast,qemu,native" };
        var fast = new Option<string?>("--fast") { Description = "The fast executable to time (default: this one)" };
        var fastArgs = new Option<string?>("--fast-args") { Description = "Extra arguments for `fast run`, e.g. \"--tier jit\"" };
        var cache = new Option<string?>("--cache") { Description = "Cache directory (default $FAST_CACHE or ~/.cache/fast)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds before one run is killed (default 600)", DefaultValueFactory = _ => 600 };
        var command = new Command("workloads", "Time Debian arm64 programs under Fast, qemu-aarch64 and natively")
        {
            runs, filter, json, engines, fast, fastArgs, cache, timeout,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var selected = StandardWorkloads.All.Where(w => parseResult.GetValue(filter) is not { } f
                || f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(n => w.Name.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (selected.Count == 0)
            {
                error.WriteLine($"fast bench workloads: no workload matches; known: {string.Join(", ", StandardWorkloads.All.Select(w => w.Name))}");
                return 2;
            }
            var timeLimit = TimeSpan.FromSeconds(parseResult.GetValue(timeout));
            var native = new NativeEngine { Timeout = timeLimit };
            var list = new List<IEngine>();
            foreach (string name in parseResult.GetValue(engines)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                IEngine? engine = name switch
                {
                    "native" => native,
                    "qemu" => new QemuEngine { Timeout = timeLimit },
                    "fast" => new FastEngine(parseResult.GetValue(fast) ?? Environment.ProcessPath ?? "fast",
                        (parseResult.GetValue(fastArgs) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) { Timeout = timeLimit },
                    _ => null,
                };
                if (engine is null)
                {
                    error.WriteLine($"fast bench workloads: unknown engine '{name}' (fast, qemu, native)");
                    return 2;
                }
                list.Add(engine);
            }
            try
            {
                var sysroot = new DebianSysroot(parseResult.GetValue(cache) ?? DebianSysroot.DefaultCache, error.WriteLine);
                sysroot.Ensure(StandardWorkloads.Packages(selected));
                var env = new WorkloadEnvironment(sysroot.Arm64, sysroot.Amd64, sysroot.NativeLibraryPath,
                    Path.GetFullPath(Path.Combine(sysroot.Root, "..", "work")));
                var xz = selected.FirstOrDefault(w => w.Program == "usr/bin/xz");
                StandardWorkloads.Prepare(env.WorkDir, xz is null ? null : args => Retarget(native.Command(xz, env), args));
                var runner = (Action<string> progress) => new WorkloadRunner(list, native, env, Math.Max(1, parseResult.GetValue(runs)), progress).Run(selected);
                // On a terminal a live status line shows the run in progress; otherwise plain lines go to stderr.
                var results = ConsoleTable.IsTerminal(output)
                    ? Spectre.Console.AnsiConsole.Status().Start("preparing", ctx => runner(line =>
                    {
                        ctx.Status = Spectre.Console.Markup.Escape(line);
                        Spectre.Console.AnsiConsole.MarkupLine($"[grey]{Spectre.Console.Markup.Escape(line)}[/]");
                    }))
                    : runner(error.WriteLine);
                foreach (var (package, version) in sysroot.Versions) results.Packages[package] = version;
                WorkloadTable.Write(results, output);
                if (parseResult.GetValue(json) is { } file)
                {
                    results.Save(file);
                    output.WriteLine($"wrote {file}");
                }
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                error.WriteLine($"fast bench workloads: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The native xz command with other arguments (to prepare the compressed input).</summary>
    static System.Diagnostics.ProcessStartInfo Retarget(System.Diagnostics.ProcessStartInfo start, string[] args)
    {
        start.ArgumentList.Clear();
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    static Command CompareCommand()
    {
        var oldFile = new Argument<string>("old") { Description = "Baseline results (fast bench workloads --json, or a BenchmarkDotNet JSON export)" };
        var newFile = new Argument<string>("new") { Description = "Results to judge, same format" };
        var threshold = new Option<double>("--threshold")
        {
            Description = $"Slowdown of the median, in percent, that fails when significant (default {BenchComparison.DefaultThresholdPercent})",
            DefaultValueFactory = _ => BenchComparison.DefaultThresholdPercent,
        };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the Mann-Whitney U test (default 0.05)", DefaultValueFactory = _ => BenchComparison.DefaultAlpha };
        var command = new Command("compare", "Compare two benchmark result files; exit 1 on a significant regression beyond the threshold")
        {
            oldFile, newFile, threshold, alpha,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            List<BenchmarkSample> before, after;
            try
            {
                before = BenchmarkSamples.Load(parseResult.GetValue(oldFile)!);
                after = BenchmarkSamples.Load(parseResult.GetValue(newFile)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                error.WriteLine($"fast bench compare: {e.Message}");
                return 2;
            }
            double pct = parseResult.GetValue(threshold);
            var changes = BenchComparison.Compare(before, after, pct, parseResult.GetValue(alpha));
            var (headers, rows) = BenchComparison.Table(changes);
            ConsoleTable.Write(output, headers, rows);
            var regressions = changes.Where(c => c.Verdict == Verdict.Regression).ToList();
            output.WriteLine(regressions.Count == 0
                ? $"no regression beyond {pct}% (Mann-Whitney U, alpha {parseResult.GetValue(alpha)})"
                : $"{regressions.Count} regression(s) beyond {pct}%: {string.Join(", ", regressions.Select(r => $"{r.Name} {r.ChangePercent:+0.0}%"))}");
            return regressions.Count == 0 ? 0 : 1;
        });
        return command;
    }

    static Command Micro()
    {
        var command = new Command("micro", "Run the BenchmarkDotNet suites (arguments go to BenchmarkDotNet, e.g. --filter '*Tlb*')")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parseResult =>
        {
            var config = DefaultConfig.Instance.AddExporter(JsonExporter.Full);
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Fast.Perf.Micro.InterpreterBenchmarks).Assembly)
                .Run([.. parseResult.UnmatchedTokens], config);
            return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        });
        return command;
    }
}
