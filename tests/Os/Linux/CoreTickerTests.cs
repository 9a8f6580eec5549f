using Fast.Os.Kernel;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

/// <summary>
/// CoreTicker's time slices are the only thing that takes a core from a thread that never blocks: two
/// guest threads on one core, one spinning until the other runs, finish only if the ticker preempts.
/// </summary>
public class CoreTickerTests
{
    const string SpinUntilTheOtherThreadRuns = """
        #include <pthread.h>
        static volatile int flag;
        static void *set(void *arg) { flag = 1; return 0; }
        int main(void) {
            pthread_t t;
            pthread_create(&t, 0, set, 0);
            while (!flag) { }   /* never yields: only a timer tick lets the other thread run */
            pthread_join(t, 0);
            return 42;
        }
        """;

    [Fact]
    public void ASpinningThreadIsPreemptedOnASingleCore()
    {
        var exe = GuestPrograms.Build(SpinUntilTheOtherThreadRuns, "-pthread");
        Assert.Equal(42, GuestPrograms.Run(exe, cores: 1, timeout: TimeSpan.FromSeconds(30)).ExitCode);
    }
}
