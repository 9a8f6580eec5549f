using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// Tier 1 holds guest registers in IL locals and evaluates flags lazily. A fault the OS turns into
/// a signal must still show the handler exactly the registers and NZCV the interpreter shows: the
/// region writes its locals back (and packs the pending CMP's flags) before the OS sees the abort:
/// the load's TLB miss leaves the region, and the interpreter takes the load and its fault.
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
        long handovers = 0, regions = 0;
        var compiled = GuestPrograms.Run(exe, jitThreshold: 50, inspect: machine =>
        {
            foreach (var cpu in machine.Vcpus)
            {
                var engine = (Fast.Translator.Interpreter.Interpreter)machine.Engine;
                handovers += engine.Handovers(cpu);
                regions += engine.RegionEntries(cpu);
            }
        });
        Assert.Equal(0, interpreted.ExitCode);
        Assert.Contains("signal 11 at 0x2dc6c6", interpreted.Stdout);
        Assert.Equal(interpreted.Stdout, compiled.Stdout);
        Assert.Equal(0, compiled.ExitCode);
        Assert.True(regions > 0, "the loop never ran compiled");
        Assert.True(handovers > 0, "the fault was not taken from compiled code (no exit wrote the registers back)");
    }
}

/// <summary>
/// A TLB miss in compiled code leaves the region (no call: RegionEmitter.MissExitFor); the run loop
/// refills the TLB and resumes the region at the access (Region.ResumePcs). A loop over more pages
/// than the TLB holds misses on every pass after the first, on mapped pages: it must resume, and
/// compute what the interpreter computes.
/// </summary>
public class MissResumeTests
{
    const string Program = """
        #include <stdio.h>
        #include <stdlib.h>
        #define PAGES 20000   /* 78 MiB: more pages than the TLB holds until it has grown to 32768 entries (it misses meanwhile) */
        int main(void) {
            long *area = malloc(PAGES * 4096L);
            for (long p = 0; p < PAGES; p++) area[p * 512 + (p & 511)] = p * 2654435761L;
            unsigned long sum = 0;
            for (int pass = 0; pass < 6; pass++)
                for (long p = 0; p < PAGES; p++) {
                    long *slot = &area[p * 512 + (p & 511)];
                    sum = sum * 31 + *slot;
                    *slot += pass;
                }
            printf("%lx\n", sum);
            return 0;
        }
        """;

    [Fact]
    public void ARegionResumesAfterATlbMissAndComputesWhatTheInterpreterComputes()
    {
        long resumes = CompiledMatchesInterpreted(GuestPrograms.Build(Program), (engine, cpu) => engine.MissResumes(cpu));
        Assert.True(resumes > 1000, $"only {resumes} regions resumed after a TLB miss");
    }

    /// <summary>Runs exe interpreted and compiled (synchronously: what runs compiled does not depend on the
    /// compiler thread's pace), asserts the same output and exit 0, and returns count summed over the vCPUs.</summary>
    internal static long CompiledMatchesInterpreted(string exe, Func<Fast.Translator.Interpreter.Interpreter, Fast.Runtime.Vcpu, long> count)
    {
        var interpreted = GuestPrograms.Run(exe);
        long total = 0;
        var compiled = GuestPrograms.Run(exe, jitThreshold: 50, synchronousJit: true, inspect: machine =>
        {
            foreach (var cpu in machine.Vcpus) total += count((Fast.Translator.Interpreter.Interpreter)machine.Engine, cpu);
        });
        Assert.Equal(0, interpreted.ExitCode);
        Assert.Equal(interpreted.Stdout, compiled.Stdout);
        Assert.Equal(0, compiled.ExitCode);
        return total;
    }
}

/// <summary>
/// A load or store across two pages never hits the inline TLB path; the run loop runs the
/// instruction through its semantics and resumes the region right after it (Region.AfterAccessEntry).
/// Unaligned words and pairs at every offset around page ends must read and write what the
/// interpreter reads and writes.
/// </summary>
public class AcrossPagesTests
{
    const string Program = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #define PAGES 64
        int main(void) {
            unsigned char *area = aligned_alloc(4096, PAGES * 4096);
            for (int i = 0; i < PAGES * 4096; i++) area[i] = (unsigned char)(i * 7 + 3);
            unsigned long sum = 0;
            for (int round = 0; round < 400; round++)
                for (int p = 1; p < PAGES; p++)
                    for (int back = 1; back < 16; back += 2) {
                        unsigned char *at = area + p * 4096 - back;
                        unsigned long v; unsigned int w; unsigned long pair[2];
                        memcpy(&v, at, 8); memcpy(&w, at + 1, 4); memcpy(pair, at - 8, 16);
                        sum = sum * 31 + v + w + pair[0] + pair[1];
                        v += round; memcpy(at, &v, 8);
                    }
            printf("%lx\n", sum);
            return 0;
        }
        """;

    [Fact]
    public void AccessesAcrossPagesInCompiledCodeMatchTheInterpreter()
    {
        long across = MissResumeTests.CompiledMatchesInterpreted(GuestPrograms.Build(Program, "-O2"), (engine, cpu) => engine.AcrossPages(cpu));
        Assert.True(across > 1000, $"only {across} accesses across pages were run for a region");
    }
}
