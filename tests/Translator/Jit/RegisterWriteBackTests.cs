using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// Tier 1 holds guest registers in IL locals and evaluates flags lazily. A fault the OS turns into
/// a signal must still show the handler exactly the registers and NZCV the interpreter shows: the
/// region writes its locals back (and packs the pending CMP's flags) before the OS sees the abort.
/// </summary>
public class RegisterWriteBackTests
{
    const string Program = """
        #include <signal.h>
        #include <stdio.h>
        #include <ucontext.h>
        #include <unistd.h>

        static long table[1024];

        static void handler(int sig, siginfo_t *si, void *context) {
            ucontext_t *uc = context;
            printf("signal %d at %p, pc %llx\n", sig, si->si_addr, (unsigned long long)uc->uc_mcontext.pc);
            for (int i = 0; i < 31; i++) printf("x%d=%llx\n", i, (unsigned long long)uc->uc_mcontext.regs[i]);
            printf("sp=%llx nzcv=%llx\n", (unsigned long long)uc->uc_mcontext.sp, (unsigned long long)uc->uc_mcontext.pstate & 0xf0000000ULL);
            fflush(stdout);
            _exit(0);
        }

        /* A hot loop whose load faults at iteration `bad`, with a CMP's flags pending across it. */
        __attribute__((noinline)) long walk(long n, long bad) {
            long s = 0;
            for (long i = 0; i < n; i++) {
                long *p = i == bad ? (long *)(0x10 + i) : &table[i & 1023];
                long v;
                __asm__ volatile("cmp %1, %2\n\tldr %0, [%3]\n\tcsel %0, %0, %1, ne"
                                 : "=&r"(v) : "r"(i), "r"(bad), "r"(p) : "cc", "memory");
                s += v ^ (s >> 3);
            }
            return s;
        }

        int main(void) {
            struct sigaction sa = {0};
            sa.sa_sigaction = handler;
            sa.sa_flags = SA_SIGINFO;
            sigaction(SIGSEGV, &sa, 0);
            for (int i = 0; i < 1024; i++) table[i] = i * 2654435761L;
            printf("%ld\n", walk(3000000, 2999990));
            return 1;
        }
        """;

    [Fact]
    public void SignalFromCompiledCodeSeesTheInterpretersRegisters()
    {
        string exe = GuestPrograms.Build(Program);
        var interpreted = GuestPrograms.Run(exe);
        long syncs = 0, regions = 0;
        var compiled = GuestPrograms.Run(exe, jitThreshold: 50, inspect: machine =>
        {
            foreach (var cpu in machine.Vcpus)
            {
                syncs += cpu.RegisterSyncs;
                regions += ((Fast.Translator.Interpreter.Interpreter)machine.Engine).RegionEntries(cpu);
            }
        });
        Assert.Equal(0, interpreted.ExitCode);
        Assert.Contains("signal 11 at 0x2dc6c6", interpreted.Stdout);
        Assert.Equal(interpreted.Stdout, compiled.Stdout);
        Assert.Equal(0, compiled.ExitCode);
        Assert.True(regions > 0, "the loop never ran compiled");
        Assert.True(syncs > 0, "the fault was not taken from compiled code (no register write-back happened)");
    }
}
