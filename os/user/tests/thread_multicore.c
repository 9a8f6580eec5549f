/* Threads of one process on two cores (pinned with sched_setaffinity): independent work runs
 * on both vCPUs at once, and page-table changes are seen by the other core before munmap or
 * mprotect returns (a thread touching the page afterwards faults; it never reads or writes
 * through a stale translation).
 *
 * Scaling is asserted with a bound one core cannot meet: two threads' CPU times
 * (CLOCK_THREAD_CPUTIME_ID, time on a vCPU) add up to clearly more than the wall time
 * (CLOCK_MONOTONIC) of the parallel run — on one core they can only add up to less. That holds
 * however busy the host is; the wall-clock speedup over a serial run is printed (it depends on
 * the host having two idle CPUs). */
#define _GNU_SOURCE
#include "ftest.h"
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static int pin(int core)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

static double now_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Independent work: an integer hash chain (no memory traffic to share). */
__attribute__((noinline)) static uint64_t work(long n, uint64_t seed)
{
    uint64_t x = seed;
    for (long i = 0; i < n; i++) x = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9ULL + (uint64_t)i;
    return x;
}

struct job { int core; long n; uint64_t result; double cpu; int cpu_seen; };

static void *run_job(void *arg)
{
    struct job *j = arg;
    if (j->core >= 0) pin(j->core);
    j->cpu_seen = sched_getcpu();
    double c0 = now_clock(CLOCK_THREAD_CPUTIME_ID);
    j->result = work(j->n, (uint64_t)j->core + 1);
    j->cpu = now_clock(CLOCK_THREAD_CPUTIME_ID) - c0;
    return NULL;
}

/* ---- races: a thread touching a page while another core changes its mapping ---- */
static volatile int phase;
static volatile char *page;
static __thread sigjmp_buf env;
static volatile int faults, stale;
static void on_segv(int s) { (void)s; siglongjmp(env, 1); }

static void *toucher(void *arg)
{
    int writes = (int)(long)arg;
    pin(1);
    if (sigsetjmp(env, 1)) { faults++; return NULL; }
    for (;;) {
        int seen = phase;            /* phase = 1 is stored only after the call returned */
        if (writes) page[0]++;
        else (void)page[0];
        if (seen == 1) { stale++; return NULL; }
    }
}

static void race(int rounds, int use_mprotect)
{
    faults = stale = 0;
    for (int r = 0; r < rounds; r++) {
        page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        page[0] = 1;
        phase = 0;
        pthread_t t;
        pthread_create(&t, 0, toucher, (void *)(long)use_mprotect);
        for (volatile int i = 0; i < 2000 + (r % 7) * 300; i++);
        if (use_mprotect) mprotect((void *)page, 4096, PROT_READ);
        else munmap((void *)page, 4096);
        phase = 1;
        pthread_join(t, 0);
        if (use_mprotect) munmap((void *)page, 4096);
    }
}

int main(void)
{
    cpu_set_t all;   /* the cores we may run on (the machine's: --cores N) */
    CHECK(sched_getaffinity(0, sizeof all, &all) == 0, "affinity");
    int cores = CPU_COUNT(&all);
    CHECK(cores >= 1, "%d cores", cores);
    CHECK(pin(0) == 0 && sched_getcpu() == 0, "main thread on core 0");
    if (cores < 2) return ft_done();

    /* Scaling: the same two jobs, serially on core 0, then on cores 0 and 1 at once. */
    const long n = 30000000;
    work(n / 4, 7);   /* warm up: the emulator compiles the loop */
    struct job a = { 0, n, 0, 0, -1 }, b = { 0, n, 0, 0, -1 };
    double t0 = ft_now();
    run_job(&a);
    run_job(&b);
    double serial = ft_now() - t0;
    uint64_t expect_a = a.result, expect_b = work(n, 1);
    int overlapped = 0;
    double best = 0, parallel = 0;
    for (int attempt = 0; attempt < 5 && !overlapped; attempt++) {
        struct job p = { 0, n, 0, 0, -1 }, q = { 1, n, 0, 0, -1 };
        pthread_t tp, tq;
        t0 = ft_now();
        pthread_create(&tp, 0, run_job, &p);
        pthread_create(&tq, 0, run_job, &q);
        pthread_join(tp, 0);
        pthread_join(tq, 0);
        parallel = ft_now() - t0;
        REQUIRE(p.result == expect_a && q.result == work(n, 2) && b.result == expect_b, "results agree");
        REQUIRE(p.cpu_seen == 0 && q.cpu_seen == 1, "jobs on cores %d and %d", p.cpu_seen, q.cpu_seen);
        double ratio = (p.cpu + q.cpu) / parallel;
        if (ratio > best) best = ratio;
        overlapped = ratio > 1.3;
    }
    CHECK(overlapped, "two threads ran at once: CPU time / wall time %.2f (one core: at most 1)", best);
    printf("   serial %.3f s, parallel %.3f s: speedup %.2f\n", serial, parallel, serial / parallel);

    /* Races on the mapping. */
    signal(SIGSEGV, on_segv);
    race(200, 0);
    CHECK(faults == 200 && stale == 0, "munmap on core 0: the reader on core 1 faulted %d of 200 times, %d stale reads", faults, stale);
    race(200, 1);
    CHECK(faults == 200 && stale == 0, "mprotect read-only on core 0: the writer on core 1 faulted %d of 200 times, %d stale writes", faults, stale);
    return ft_done();
}
