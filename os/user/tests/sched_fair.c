/* Round-robin fairness: CPU-bound children spinning at the same time each get a reasonable
 * share of the CPU. Each child spins for a fixed wall time, counting loop iterations and its own
 * CPU time, and reports both over a pipe. The bound is loose: with N children on C cores, every
 * child must get at least a third of its fair share, and the CPU times must be within a factor 4.
 * Only CPU time (the time the emulated scheduler gave each child) is checked: iteration counts
 * also depend on how much host CPU each vCPU thread gets, which another load on the host skews
 * (asserting them made this test fail now and then on a busy 2-CPU machine); they are printed. */
#include "ftest.h"
#include <sys/wait.h>

enum { KIDS = 3 };

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    int fds[2];
    pipe(fds);
    int go[2];
    pipe(go);
    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            close(go[1]);
            char c;
            read(go[0], &c, 1); /* start together */
            double end = ft_now() + seconds;
            volatile unsigned long count = 0;
            while (1) {
                for (int i = 0; i < 1000; i++) count++;
                /* Look at the clock rarely: a vDSO-less clock_gettime is a syscall here. */
                if ((count & 0x3FFFF) == 0 && ft_now() >= end) break;
            }
            struct timespec cpu;
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
            double res[3] = { (double)k, (double)count, cpu.tv_sec + cpu.tv_nsec * 1e-9 };
            write(fds[1], res, sizeof res);
            _exit(0);
        }
    }
    close(go[0]);
    close(go[1]); /* EOF releases all children at once */
    double counts[KIDS] = { 0 }, cpu[KIDS] = { 0 };
    for (int k = 0; k < KIDS; k++) {
        double res[3];
        if (ft_read_all(fds[0], res, sizeof res) != 0) break;
        int i = (int)res[0];
        if (i >= 0 && i < KIDS) { counts[i] = res[1]; cpu[i] = res[2]; }
    }
    while (wait(NULL) > 0) {}
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    double share = seconds * (cores < KIDS ? (double)cores / KIDS : 1.0);
    double lo = cpu[0], hi = cpu[0], cpu_total = 0;
    int ran = 1;
    for (int k = 0; k < KIDS; k++) {
        printf("   child %d: %.0f iterations, %.3f s of CPU (fair share %.3f s on %ld cores)\n", k, counts[k], cpu[k], share, cores);
        if (cpu[k] < lo) lo = cpu[k];
        if (cpu[k] > hi) hi = cpu[k];
        cpu_total += cpu[k];
        ran &= counts[k] > 0;
    }
    CHECK(ran, "every child ran");
    CHECK(lo * 4 >= hi, "CPU times within a factor 4 (min %.3f s, max %.3f s)", lo, hi);
    int fair = 1;
    for (int k = 0; k < KIDS; k++) fair &= cpu[k] >= share / 3;
    CHECK(fair, "each child got at least a third of its fair CPU share (total %.3f s)", cpu_total);
    return ft_done();
}
