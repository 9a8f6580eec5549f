// Micro-benchmarks (BenchmarkDotNet): `dotnet run -c Release --project perf -- --filter '*'`
// Results land in BenchmarkDotNet.Artifacts/ with JSON export for `fast bench compare`.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

var config = DefaultConfig.Instance.AddExporter(JsonExporter.Full);
BenchmarkSwitcher.FromAssembly(typeof(Fast.Perf.Micro.InterpreterBenchmarks).Assembly).Run(args, config);
