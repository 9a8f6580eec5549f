// The native personality's servers (memory server, process manager, serial server of every core)
// and the nameserver replicas are made at the first native call, not at boot: a Linux program
// never makes them, and a native program (which starts as a Linux one: crt and glibc first)
// finds them named in every replica when it first asks. Likewise a core's host thread starts with
// its first work: a single-threaded program leaves core 1 without one, a threaded one starts it.
using Fast.Os.Kernel;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public sealed class LazyNativeTests
{
    static (int Status, string Output, bool Started, bool[] Named, bool[] Hosts) Run(string name, int cores)
    {
        var programs = new Fast.Cli.Selftest.UserPrograms();
        var exe = programs.Build(programs.Tests().Single(p => p.Name == name));
        using var machine = new Machine(256UL << 20, new Fast.Translator.Interpreter.Interpreter());
        var stdout = new MemoryStream();
        var os = new FastOs(machine, VirtualFileSystem.WithSysroot(null), new OsOptions { Stdio = (null, stdout, new MemoryStream()), Cores = cores });
        try
        {
            Assert.False(os.Native.ServersStarted);   // not at boot
            os.SpawnInit(exe, [exe], ["PATH=/bin"]);
            int status = os.RunUntilInitExits(TimeSpan.FromSeconds(60));
            bool started = os.Native.ServersStarted;
            var hosts = os.Cores.Select(c => c.HostStarted).ToArray();
            var named = os.Native.Kernels.Select(k => Enumerable.Range(0, cores).All(c =>
                k.Names.Lookup($"/core/{c}/mem") is not null && k.Names.Lookup($"/core/{c}/proc") is not null && k.Names.Lookup($"/core/{c}/serial") is not null)).ToArray();
            return (status, System.Text.Encoding.Latin1.GetString(stdout.ToArray()), started, named, hosts);
        }
        finally { os.Dispose(); }
    }

    [Fact]
    public void AWakeUpAfterTheOsIsDisposedIsIgnored()
    {
        // A guest's deadline timer may fire after its OS was disposed (time_misc's sleeps did, in the
        // test host): the core it wakes is gone, and the wake-up must not throw on a timer thread.
        using var machine = new Machine(64UL << 20, new Fast.Translator.Interpreter.Interpreter());
        var os = new FastOs(machine, VirtualFileSystem.WithSysroot(null), new OsOptions { Stdio = (null, new MemoryStream(), new MemoryStream()) });
        os.Dispose();
        os.Cores[0].Kick();
    }

    [Fact]
    public void ALinuxProgramLeavesTheServersUnmade()
    {
        var r = Run("time_misc", cores: 2);
        Assert.True(FastOs.ExitCodeOf(r.Status) == 0, r.Output);
        Assert.False(r.Started);
        Assert.Equal(new[] { true, false }, r.Hosts);   // core 1 had no work: no host thread
    }

    [Fact]
    public void AThreadPlacedOnAnIdleCoreStartsItsHostThread()
    {
        // os/user/tests/thread_multicore.c: threads on both cores (munmap/mprotect races).
        var r = Run("thread_multicore", cores: 2);
        Assert.True(FastOs.ExitCodeOf(r.Status) == 0, r.Output);
        Assert.Contains("PASSED", r.Output);
        Assert.Equal(new[] { true, true }, r.Hosts);
    }

    [Fact]
    public void ANativeProgramFindsTheServersItsFirstCallMade()
    {
        // os/user/native/native_services.c: looks up and talks to the memory server, process manager and serial server.
        var r = Run("native_services", cores: 2);
        Assert.True(FastOs.ExitCodeOf(r.Status) == 0, r.Output);
        Assert.Contains("PASSED", r.Output);
        Assert.DoesNotContain(" 0 checks", r.Output);
        Assert.True(r.Started);
        Assert.All(r.Named, Assert.True);
    }
}
