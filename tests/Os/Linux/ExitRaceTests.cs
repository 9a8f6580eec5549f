// exit() while other threads of the process are taking page faults on other cores: ExitProcess
// destroys the address space while those threads may still be inside a block, and a fault of theirs
// then reaches a ProcessMemory with no page tables. That fault must stop the thread (FaultOutcome.Gone),
// not throw out of the kernel: the unhandled OsException (CapDeleted) ended the host process about
// once in ten runs of the selftest thread_mutex, whose 50 detached threads outlive main. And a
// thread whose fault waits for its address space's home core must not wait for ever when that
// core stops (HomeCalls runs the call itself then): the test host hung in Dispose.
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class ExitRaceTests
{
    [Fact]
    public void ExitWhileOtherThreadsFaultInFreshPagesEndsTheProcessCleanly()
    {
        var exe = GuestPrograms.Build("""
            #include <pthread.h>
            #include <stdlib.h>
            #include <unistd.h>
            #include <sys/mman.h>
            #define PAGES 256
            static void *toucher(void *arg) {
                for (;;) {   /* a fault per page, forever */
                    char *area = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    if (area == MAP_FAILED) { usleep(100); continue; }   /* (memory comes back when munmap's pages are freed) */
                    for (long i = 0; i < PAGES; i++) area[i * 4096] = 1;
                    munmap(area, PAGES * 4096L);
                }
                return arg;
            }
            int main(void) {
                pthread_t t;
                for (int i = 0; i < 6; i++) pthread_create(&t, 0, toucher, 0);
                usleep(20000);
                exit(7);
            }
            """, "-pthread");
        for (int run = 0; run < 6; run++)
        {
            var r = GuestPrograms.Run(exe, cores: 2, timeout: TimeSpan.FromSeconds(30));
            Assert.Equal(7, r.ExitCode);
        }
    }
}
