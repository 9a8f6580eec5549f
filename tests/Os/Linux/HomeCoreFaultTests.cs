// HomeCoreFaultTests: an address space lives in its home core's capability database; a thread on
// another core that faults (or munmaps, mprotects) asks the home core by message. The tests run a
// two-threaded guest with one thread pinned to the other core and check, besides the guest's own
// results, the kernel's counters: faults were forwarded as messages, and no core's host thread
// entered another core's page tables (CapSystem.ForeignCallers) — which the earlier design (every
// address space in core 0's database, faults taking its lock from any core) did all the time.
using System.Text;
using Fast.Os.Kernel;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class HomeCoreFaultTests
{
    const string Source = """"
#define _GNU_SOURCE
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>
#include <sys/mman.h>
#define PAGES 256
static int pin(int core) { cpu_set_t s; CPU_ZERO(&s); CPU_SET(core, &s); return sched_setaffinity(0, sizeof s, &s); }
static volatile char *area;
static int other, ran_on = -1;
static void *worker(void *arg) {
    pin(other);
    ran_on = sched_getcpu();
    for (int i = 0; i < PAGES; i++) area[i * 4096L] = (char)(i | 1);
    mprotect((void *)area, 4096, PROT_READ);
    return 0;
}
int main(int argc, char **argv) {
    int home = argc > 1 ? 1 : 0;
    other = 1 - home;
    pin(home);
    int main_on = sched_getcpu();
    area = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pthread_t t;
    pthread_create(&t, 0, worker, 0);
    pthread_join(t, 0);
    int bad = 0;
    for (int i = 0; i < PAGES; i++) bad += area[i * 4096L] != (char)(i | 1);
    printf("home %d main on %d worker on %d bad %d\n", home, main_on, ran_on, bad);
    if (argc == 1) {
        fflush(stdout);
        pin(1);
        execl("/proc/self/exe", argv[0], "again", (char *)0);
        return 2;
    }
    return bad != 0;
}
"""";

    [Fact]
    public void FaultsOfAThreadOnAnotherCoreAreServedByTheHomeCoreByMessage()
    {
        var exe = GuestPrograms.Build(Source, "-pthread");
        using var listener = new HomeCallListener();
        using var run = new MulticoreRun(exe, cores: 2);
        var os = run.Os;

        Assert.Equal("home 0 main on 0 worker on 1 bad 0\nhome 1 main on 1 worker on 0 bad 0\n", run.Output);
        Assert.Equal(0, run.ExitCode);
        // No core ever ran page-table work of the other core's database on its own thread...
        Assert.Equal(0, os.Native.Kernels[0].Caps.ForeignCallers);
        Assert.Equal(0, os.Native.Kernels[1].Caps.ForeignCallers);
        Assert.Equal(0, os.Kernel.Calls.ForeignEntries);
        // The re-exec'd image was made on core 1 and lives in core 1's database.
        Assert.Equal(1, os.Init!.Memory.Home);
        Assert.Same(os.Native.Kernels[1].Caps, os.Init.Memory.Kernel.Caps);
        Assert.True(os.Init.Memory.RemoteFaults >= 256, $"remote faults of the second image: {os.Init.Memory.RemoteFaults}");
        // ...both images' worker faults (and mprotects) went as messages.
        Assert.True(os.Kernel.Calls.Forwarded >= 2 * 256 + 2, $"forwarded: {os.Kernel.Calls.Forwarded}");
        // ...and each is traced (HomeCall: caller core, home core, wait); other tests' machines may add theirs.
        lock (listener.Calls)
        {
            Assert.True(listener.Calls.Count(c => c.Core == 1 && c.Home == 0) >= 256, "HomeCall events core 1 -> 0");
            Assert.True(listener.Calls.Count(c => c.Core == 0 && c.Home == 1) >= 256, "HomeCall events core 0 -> 1");
            Assert.All(listener.Calls, c => Assert.True(c.Ticks > 0));
        }
    }

    sealed class HomeCallListener : System.Diagnostics.Tracing.EventListener
    {
        public readonly List<(int Core, int Home, long Ticks)> Calls = new();
        // Through Log, which makes the source: it is made lazily, so one waiting for its creation by name may wait forever.
        public HomeCallListener() =>
            EnableEvents(Fast.Runtime.Observability.FastEventSource.Log, System.Diagnostics.Tracing.EventLevel.Informational, Fast.Runtime.Observability.FastEventSource.Keywords.Ipc);
        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName != "HomeCall") return;
            lock (Calls) Calls.Add(((int)e.Payload![0]!, (int)e.Payload[1]!, (long)e.Payload[2]!));
        }
    }

    [Fact]
    public void CapabilitiesOfTheOldCoreAreWorkedOnThereAfterAThreadMoves()
    {
        // os/user/native/native_migrate.c: map, copy, send, revoke and delete core 0's capabilities from core 1.
        var programs = new Fast.Cli.Selftest.UserPrograms();
        var exe = programs.Build(programs.Tests().Single(p => p.Name == "native_migrate"));
        using var run = new MulticoreRun(exe, cores: 2);
        var os = run.Os;
        string output = run.Output;

        Assert.True(run.ExitCode == 0, output);
        Assert.Contains("PASSED: 18 checks, 0 failed", output);
        Assert.Equal(0, os.Native.Kernels[0].Caps.ForeignCallers);
        Assert.Equal(0, os.Native.Kernels[1].Caps.ForeignCallers);
        Assert.Equal(0, os.Kernel.Calls.ForeignEntries);
        // map, copy, send, map of core 1's frame, revoke, delete: at least six requests to core 0.
        Assert.True(os.Kernel.Calls.Forwarded >= 6, $"forwarded: {os.Kernel.Calls.Forwarded}");
    }

    [Theory]
    [InlineData("thread_multicore", 2)]   // munmap/mprotect races of threads on both cores
    [InlineData("native_multicore", 3)]   // spawn on other cores, UMP, relays, revoke across cores
    [InlineData("pipe_cores", 2)]         // pipes between processes on different cores
    public void MultikernelProgramsMakeNoDirectCrossCoreCalls(string name, int cores)
    {
        var programs = new Fast.Cli.Selftest.UserPrograms();
        var exe = programs.Build(programs.Tests().Single(p => p.Name == name));
        using var run = new MulticoreRun(exe, cores);
        var os = run.Os;

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.All(os.Native.Kernels, k => Assert.Equal(0, k.Caps.ForeignCallers));
        Assert.Equal(0, os.Kernel.Calls.ForeignEntries);
        Assert.True(os.Kernel.Calls.Forwarded > 0);   // each of them needs some work on another core
    }
}
