using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

/// <summary>Threads of one process on two cores: munmap shoots the other core's TLB down before it returns.</summary>
public class MulticoreTlbTests
{
    [Fact]
    public void NoReadThroughAnUnmappedPageAfterMunmapReturns()
    {
        var exe = GuestPrograms.Build(""""
#include <stdio.h>
#include <pthread.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/mman.h>
static volatile int phase;
static volatile char *page;
static __thread sigjmp_buf env;
static volatile int faults, stale;
static void on_segv(int s) { siglongjmp(env, 1); }
static void *reader(void *arg) {
    if (sigsetjmp(env, 1)) { faults++; return 0; }
    for (;;) {
        int seen = phase;            /* phase = 1 is stored only after munmap returned */
        (void)page[0];
        if (seen == 1) { stale++; return 0; }   /* read through a mapping already removed */
    }
}
int main(void) {
    signal(SIGSEGV, on_segv);
    int rounds = 300;
    for (int r = 0; r < rounds; r++) {
        page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        page[0] = 1; phase = 0;
        pthread_t t; pthread_create(&t, 0, reader, 0);
        for (volatile int i = 0; i < 3000; i++);
        munmap((void *)page, 4096);
        phase = 1;
        pthread_join(t, 0);
    }
    printf("rounds %d faults %d stale %d\n", rounds, faults, stale);
    return stale != 0;
}
"""", "-pthread");
        var r = GuestPrograms.Run(exe, cores: 2, timeout: TimeSpan.FromSeconds(120));
        Assert.Equal("rounds 300 faults 300 stale 0\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
