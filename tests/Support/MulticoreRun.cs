// MulticoreRun: boots Fast's OS (FastOs over the interpreter with tier 1) with N cores on a small
// machine, runs one guest program as init to its exit, and keeps the OS for the test's assertions.
using System.Text;
using Fast.Os.Kernel;
using Fast.Os.Vfs;
using Fast.Runtime;

namespace Fast.Tests.Support;

public sealed class MulticoreRun : IDisposable
{
    public Machine Machine { get; }
    public FastOs Os { get; }
    public int Status { get; }
    readonly MemoryStream stdout = new();

    public string Output => Encoding.Latin1.GetString(stdout.ToArray());
    public int ExitCode => FastOs.ExitCodeOf(Status);

    public MulticoreRun(string exe, int cores, ulong ram = 256UL << 20)
    {
        Machine = new Machine(ram, new Fast.Translator.Interpreter.Interpreter());
        Os = new FastOs(Machine, VirtualFileSystem.WithSysroot(null),
            new OsOptions { Stdio = (null, stdout, new MemoryStream()), Cores = cores });
        Os.SpawnInit(exe, [exe], ["PATH=/bin"]);
        Status = Os.RunUntilInitExits(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        Os.Dispose();
        Machine.Dispose();
    }
}
