using Fast.Os.Process;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

/// <summary>Static guest programs on Fast's kernel: output, exit status, signals as Linux delivers them.</summary>
public class LinuxProgramTests
{
    [Fact]
    public void HelloWorldPrintsAndReturnsItsStatus()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            int main(int argc, char **argv) { printf("hello %s %d\n", argv[1], argc); return 42; }
            """);
        var r = GuestPrograms.Run(exe, ["world"]);
        Assert.Equal("hello world 2\n", r.Stdout);
        Assert.Equal(42, r.ExitCode);
    }

    [Fact]
    public void ForkExitStatusesAndSignalsReachTheParent()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #include <signal.h>
            #include <unistd.h>
            #include <sys/wait.h>
            int main(void) {
                pid_t a = fork();
                if (a == 0) _exit(7);
                pid_t b = fork();
                if (b == 0) { *(volatile int *)0 = 1; return 0; }
                int s1, s2;
                waitpid(a, &s1, 0);
                waitpid(b, &s2, 0);
                printf("%d %d %d %d %d\n", WIFEXITED(s1), WEXITSTATUS(s1), WIFSIGNALED(s2), WTERMSIG(s2), getpid() != a);
                return 0;
            }
            """);
        var r = GuestPrograms.Run(exe);
        Assert.Equal("1 7 1 11 1\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void SegfaultHandlerSeesTheFaultAddress()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #include <signal.h>
            #include <setjmp.h>
            static sigjmp_buf env;
            static void *seen; static int code;
            static void handler(int sig, siginfo_t *si, void *uc) { seen = si->si_addr; code = si->si_code; siglongjmp(env, 1); }
            int main(void) {
                struct sigaction sa = {0};
                sa.sa_sigaction = handler; sa.sa_flags = SA_SIGINFO;
                sigaction(SIGSEGV, &sa, 0);
                if (!sigsetjmp(env, 1)) *(volatile int *)0x1234560 = 5;
                printf("%p %d\n", seen, code);
                return 0;
            }
            """);
        var r = GuestPrograms.Run(exe);
        Assert.Equal("0x1234560 1\n", r.Stdout);   // SEGV_MAPERR
    }

    [Fact]
    public void UncaughtSegfaultEndsTheProcessWithLinuxStatus()
    {
        var exe = GuestPrograms.Build("int main(void) { return *(volatile int *)8; }");
        var r = GuestPrograms.Run(exe);
        Assert.Equal(128 + 11, r.ExitCode);
        Assert.Contains("signal 11", r.Log);
    }

    [Fact]
    public void MalformedExecutablesAreRefusedWithAClearError()
    {
        var exe = GuestPrograms.Build("int main(void) { return 0; }");
        var good = File.ReadAllBytes(exe);
        var dir = Directory.CreateTempSubdirectory("fast-bad-elf").FullName;
        var random = new Random(7);
        var corpus = new List<byte[]>
        {
            good[..10], good[..64], good[..200], good[..(good.Length / 2)],
            "#!\n"u8.ToArray(), "not an elf at all"u8.ToArray(),
        };
        for (int i = 0; i < 40; i++)
        {
            var b = (byte[])good.Clone();
            int at = random.Next(0, 64 + 56 * 8);   // header and program headers
            b[at] ^= (byte)(1 << random.Next(8));
            if (i % 3 == 0) BitConverter.TryWriteBytes(b.AsSpan(32 + random.Next(0, 3) * 8), ulong.MaxValue - (ulong)random.Next(1000));
            corpus.Add(b);
        }
        int refused = 0, ran = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            var path = Path.Combine(dir, $"bad{i}");
            File.WriteAllBytes(path, corpus[i]);
            try
            {
                GuestPrograms.Run(path, timeout: TimeSpan.FromSeconds(20));
                ran++;   // a flipped bit that does not matter: the program ran (and may have died of a signal)
            }
            catch (LoaderException e)
            {
                Assert.Contains(path, e.Message);
                refused++;
            }
        }
        Assert.True(refused >= 6, $"only {refused} malformed files were refused ({ran} ran)");
    }

    [Fact]
    public void RandomSystemCallsNeverCrashTheHost()
    {
        // A guest fuzzer: children make thousands of system calls with random numbers and arguments
        // (skipping the ones that block forever or kill the fuzzer's own parent); the parent reaps them.
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #include <stdlib.h>
            #include <unistd.h>
            #include <fcntl.h>
            #include <sys/syscall.h>
            #include <sys/wait.h>
            static int skip(long n) {
                switch (n) {
                case SYS_read: case SYS_readv: case SYS_pread64: case SYS_preadv: case SYS_futex: case SYS_nanosleep:
                case SYS_clock_nanosleep: case SYS_wait4: case SYS_waitid: case SYS_ppoll: case SYS_pselect6:
                case SYS_epoll_pwait: case SYS_rt_sigsuspend: case SYS_rt_sigtimedwait: case SYS_kill: case SYS_tkill:
                case SYS_tgkill: case SYS_clone: case SYS_clone3: case SYS_execve: case SYS_execveat: case SYS_exit:
                case SYS_exit_group: case SYS_reboot: case SYS_recvfrom: case SYS_recvmsg: case SYS_accept: case SYS_accept4:
                case SYS_msgrcv: case SYS_semop: case SYS_semtimedop: case SYS_sendfile: case SYS_splice: case SYS_tee:
                case SYS_rt_sigreturn: case SYS_setpgid: case SYS_setsid: case SYS_munmap: case SYS_mremap: case SYS_brk:
                case SYS_mprotect: case SYS_madvise: case SYS_write: case SYS_writev: case SYS_pwrite64: case SYS_dup3:
                case SYS_close: case SYS_rt_sigaction: case SYS_rt_sigprocmask: case SYS_openat: case SYS_mkdirat:
                case SYS_unlinkat: case SYS_renameat: case SYS_renameat2: case SYS_ftruncate: case SYS_fchdir: case SYS_chdir:
                case 450: /* the trace tests' marker syscall: their in-process recording sees every test's events */
                    return 1;
                }
                return 0;
            }
            static long arg(void) {
                switch (rand() % 5) {
                case 0: return 0; case 1: return rand() % 64; case 2: return -1;
                case 3: return (long)rand() << 20; default: return ((long)rand() << 33) ^ rand();
                }
            }
            int main(void) {
                int calls = 0;
                for (int child = 0; child < 8; child++) {
                    pid_t p = fork();
                    if (p == 0) {
                        srand(child * 7919 + 1);
                        for (int i = 0; i < 2000; i++) {
                            long n = rand() % 460;
                            if (skip(n)) continue;
                            syscall(n, arg(), arg(), arg(), arg(), arg(), arg());
                        }
                        _exit(0);
                    }
                    int status;
                    waitpid(p, &status, 0);
                    calls++;
                }
                printf("fuzzed %d children\n", calls);
                return 0;
            }
            """);
        var r = GuestPrograms.Run(exe, timeout: TimeSpan.FromSeconds(120));
        Assert.Equal("fuzzed 8 children\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
