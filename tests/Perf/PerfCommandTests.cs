using System.CommandLine;
using Fast.Cli;
using Fast.Cli.Commands;
using Fast.Perf.Workloads;

namespace Fast.Tests.Perf;

[Collection(RecordedTraceCollection.Name)]
public class PerfCommandTests(RecordedTrace trace)
{
    static (int Exit, string Output, string Error) Invoke(ICliCommand command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = command.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void TraceReportPrintsJsonAndText()
    {
        var (exit, json, _) = Invoke(new TraceCommand(), "report", trace.Path, "--format", "json");
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.True(doc.RootElement.GetProperty("counts").GetProperty("SyscallStop").GetInt64() >= 100);
        var (textExit, text, _) = Invoke(new TraceCommand(), "report", trace.Path);
        Assert.Equal(0, textExit);
        Assert.Contains("latency (us)", text);
        Assert.Equal(1, Invoke(new TraceCommand(), "report", "/nonexistent.nettrace").Exit);
    }

    [Fact]
    public void CompareExitsNonZeroOnARegression()
    {
        string dir = Directory.CreateTempSubdirectory("fast-cmp-").FullName;
        try
        {
            string Save(string name, double scale)
            {
                var results = new WorkloadResults { Runs = 5 };
                var w = new WorkloadResult { Name = "gzip-9" };
                w.Engines["fast"] = new EngineResult { Seconds = [.. new[] { 1.00, 1.01, 0.99, 1.02, 1.005 }.Select(s => s * scale)] };
                results.Workloads.Add(w);
                string path = Path.Combine(dir, name);
                results.Save(path);
                return path;
            }
            string old = Save("old.json", 1), same = Save("same.json", 1.001), slow = Save("slow.json", 1.10);
            Assert.Equal(0, Invoke(new BenchCommand(), "compare", old, same).Exit);
            var (exit, output, _) = Invoke(new BenchCommand(), "compare", old, slow);
            Assert.Equal(1, exit);
            Assert.Contains("REGRESSION", output);
            Assert.Equal(0, Invoke(new BenchCommand(), "compare", old, slow, "--threshold", "15").Exit);
            Assert.Equal(2, Invoke(new BenchCommand(), "compare", old, Path.Combine(dir, "missing.json")).Exit);
        }
        finally { Directory.Delete(dir, true); }
    }
}
