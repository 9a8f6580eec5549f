/* Page faults served by the address space's home core. A process's page tables live in the
 * capability database of the core it was made on (its home: core 0 for the first process, the
 * core that ran execve for an exec'd image); a thread on another core that faults sends the fault
 * to the home core as a message and retries the access when the answer comes.
 *
 * Checks: pages first touched by a thread pinned to the other core hold what it wrote (seen by
 * the main thread on the home core), fresh mmap'd pages read as zero there, and munmap/mprotect
 * made from the other core take effect (a later touch faults with SIGSEGV). The program re-execs
 * itself on the last core, so both directions are covered (home 0 faulted from core 1, and home
 * N-1 faulted from core 0). It prints the cost of a fault (ns, first touch of a fresh page: the
 * fault, the allocation of a zeroed page and its mapping) on the home core and on the other. */
#include "ftest.h"
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

#define PAGES 2048

static int pin(int core)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

/* ns per first touch of PAGES fresh pages (written with their index). */
static double touch(volatile char *area)
{
    double t0 = ft_now();
    for (int i = 0; i < PAGES; i++) area[(long)i * 4096] = (char)(i | 1);
    return (ft_now() - t0) * 1e9 / PAGES;
}

struct job { int core; volatile char *area; double ns; int cpu; };

static void *remote_touch(void *arg)
{
    struct job *j = arg;
    pin(j->core);
    j->cpu = sched_getcpu();
    j->ns = touch(j->area);
    return 0;
}

static sigjmp_buf env;
static void on_segv(int s) { (void)s; siglongjmp(env, 1); }

static void *remote_unmap(void *arg)
{
    struct job *j = arg;
    pin(j->core);
    munmap((void *)j->area, 4096);
    mprotect((void *)(j->area + 4096), 4096, PROT_READ);
    return 0;
}

static int faults_at(volatile char *p, int write)
{
    if (sigsetjmp(env, 1)) return 1;
    if (write) *p = 1; else (void)*p;
    return 0;
}

static void run(int home, int other, const char *label)
{
    CHECK(pin(home) == 0 && sched_getcpu() == home, "%s: main thread on core %d", label, home);
    volatile char *a = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile char *b = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    double local = touch(a);
    struct job j = { other, b, 0, -1 };
    pthread_t t;
    pthread_create(&t, 0, remote_touch, &j);
    pthread_join(t, 0);
    CHECK(j.cpu == other, "%s: faulting thread ran on core %d", label, j.cpu);
    int bad = 0;
    for (int i = 0; i < PAGES; i++) bad += b[(long)i * 4096] != (char)(i | 1) || b[(long)i * 4096 + 1] != 0;
    CHECK(bad == 0, "%s: %d pages faulted in on core %d read back on core %d", label, PAGES, other, home);
    /* Once more, warm (the first round also pays for compiling the paths), for the printed cost. */
    volatile char *a2 = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    volatile char *b2 = mmap(0, PAGES * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    local = touch(a2);
    struct job j2 = { other, b2, 0, -1 };
    pthread_create(&t, 0, remote_touch, &j2);
    pthread_join(t, 0);
    printf("%s: first touch of a page: %.0f ns on the home core, %.0f ns from core %d (by message); cold %.0f ns\n",
           label, local, j2.ns, other, j.ns);
    munmap((void *)a2, PAGES * 4096L);
    munmap((void *)b2, PAGES * 4096L);

    /* munmap and mprotect from the other core. */
    volatile char *c = mmap(0, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    c[0] = c[4096] = 7;
    struct job u = { other, c, 0, -1 };
    pthread_create(&t, 0, remote_unmap, &u);
    pthread_join(t, 0);
    CHECK(faults_at(c, 0), "%s: a page unmapped from core %d faults on core %d", label, other, home);
    CHECK(!faults_at(c + 4096, 0) && c[4096] == 7 && faults_at(c + 4096, 1),
          "%s: a page made read-only from core %d reads but cannot be written", label, other);
    munmap((void *)a, PAGES * 4096L);
    munmap((void *)b, PAGES * 4096L);
}

int main(int argc, char **argv)
{
    signal(SIGSEGV, on_segv);
    int cores = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 2) { printf("one core: nothing to check\n"); return ft_done(); }
    if (argc > 1) {   /* the re-exec'd image: homed on the last core */
        run(cores - 1, 0, "home last core");
        return ft_done();
    }
    run(0, 1, "home core 0");
    fflush(stdout);
    pin(cores - 1);
    execl("/proc/self/exe", argv[0], "again", (char *)0);
    CHECK(0, "execve of /proc/self/exe failed (errno %d)", errno);
    return ft_done();
}
