using Fast.Cli.Run;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

/// <summary>
/// `fast run` runs core 0, init's, on its main thread (FastOs.RunUntilInitExits without a timeout):
/// the run must end when init exits from a thread on another core and after init slept (core 0 idle).
/// With a timeout (the tests' runs) a guest that never exits still times out.
/// </summary>
public class InitCoreTests
{
    /// <summary>Runs the program as `fast run` does; the test fails (rather than hangs) if the run does not end.</summary>
    static int RunLikeTheCli(string exe, params string[] runOptions)
    {
        int code = -1;
        var thread = new Thread(() =>
        {
            using var runner = new GuestRunner(RunOptions.Parse([.. runOptions, exe]), TextWriter.Null);
            code = runner.Run();
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the run did not end");
        return code;
    }

    [Fact]
    public void InitExitingFromAThreadOnAnotherCoreEndsTheRun()
    {
        var exe = GuestPrograms.Build("""
            #include <pthread.h>
            #include <stdlib.h>
            #include <unistd.h>
            static void *leave(void *arg) { usleep(20000); exit(7); }
            int main(void) {
                pthread_t t;
                pthread_create(&t, 0, leave, 0);
                pthread_join(t, 0);   /* never returns: the thread ends the process */
                return 1;
            }
            """, "-pthread");
        Assert.Equal(7, RunLikeTheCli(exe, "--cores", "2"));
    }

    [Fact]
    public void InitThatSleptEndsTheRun()
    {
        var exe = GuestPrograms.Build("""
            #include <time.h>
            int main(void) { struct timespec ts = { 0, 100 * 1000 * 1000 }; nanosleep(&ts, 0); return 3; }
            """);
        Assert.Equal(3, RunLikeTheCli(exe));
    }

    [Fact]
    public void AGuestThatNeverExitsStillTimesOut()
    {
        var exe = GuestPrograms.Build("int main(void) { for (volatile int i = 0; ; i++) ; }");
        Assert.Throws<TimeoutException>(() => GuestPrograms.Run(exe, timeout: TimeSpan.FromSeconds(1)));
    }
}
