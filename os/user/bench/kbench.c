/* kbench: kernel path micro-benchmarks, one source for the host (gcc), qemu-aarch64 and Fast.
 * Each benchmark repeats its operation, doubling the count until a round takes at least
 * MIN_SECONDS of wall time (CLOCK_MONOTONIC), and prints "NAME  NS ns/op  (N ops)".
 *   getppid       a trivial system call
 *   minor_fault   the first write to a fresh anonymous page (mmap'd, untouched)
 *   pipe_rtt      one byte to a child process and back over two pipes
 *   fork_exit_wait fork, the child _exits at once, the parent waits for it
 * Usage: kbench [NAME...] (default: all). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static double min_seconds = 0.3;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Runs op(n) with growing n until it takes min_seconds; returns seconds per operation. */
static double measure(double (*op)(long n), long *ops)
{
    long n = 1;
    for (;;) {
        double t = op(n);
        if (t >= min_seconds || n >= (1L << 30)) { *ops = n; return t / n; }
        long next = t <= 0 ? n * 16 : (long)(n * (min_seconds * 1.2 / t));
        n = next > n * 16 ? n * 16 : next > n ? next : n * 2;
    }
}

static double op_getppid(long n)
{
    double t0 = now();
    for (long i = 0; i < n; i++) syscall(SYS_getppid);
    return now() - t0;
}

static double op_minor_fault(long n)
{
    /* Touch n fresh pages, in rounds of at most 16384 pages (64 MB) mapped at a time. */
    const long page = 4096, chunk = 16384;
    double total = 0;
    for (long done = 0; done < n;) {
        long k = n - done < chunk ? n - done : chunk;
        volatile char *p = mmap(NULL, k * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) { perror("mmap"); exit(1); }
        double t0 = now();
        for (long i = 0; i < k; i++) p[i * page] = 1;
        total += now() - t0;
        munmap((void *)p, k * page);
        done += k;
    }
    return total;
}

static int ping[2], pong[2];

static double op_pipe_rtt(long n)
{
    char c = 'x';
    double t0 = now();
    for (long i = 0; i < n; i++) {
        if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1) { perror("pipe"); exit(1); }
    }
    return now() - t0;
}

static double op_fork(long n)
{
    double t0 = now();
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(0);
        if (pid < 0) { perror("fork"); exit(1); }
        int status;
        waitpid(pid, &status, 0);
    }
    return now() - t0;
}

static int wanted(int argc, char **argv, const char *name)
{
    if (argc <= 1) return 1;
    for (int i = 1; i < argc; i++) if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

static void report(const char *name, double seconds_per_op, long ops)
{
    printf("%-16s %12.1f ns/op  (%ld ops)\n", name, seconds_per_op * 1e9, ops);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (getenv("KBENCH_SECONDS")) min_seconds = atof(getenv("KBENCH_SECONDS"));
    long ops;
    double t;
    if (wanted(argc, argv, "getppid")) { t = measure(op_getppid, &ops); report("getppid", t, ops); }
    if (wanted(argc, argv, "minor_fault")) { t = measure(op_minor_fault, &ops); report("minor_fault", t, ops); }
    if (wanted(argc, argv, "pipe_rtt")) {
        if (pipe(ping) || pipe(pong)) { perror("pipe"); return 1; }
        pid_t echo = fork();
        if (echo == 0) {
            char c;
            close(ping[1]); close(pong[0]);
            while (read(ping[0], &c, 1) == 1) write(pong[1], &c, 1);
            _exit(0);
        }
        close(ping[0]); close(pong[1]);
        t = measure(op_pipe_rtt, &ops);
        report("pipe_rtt", t, ops);
        close(ping[1]);
        waitpid(echo, NULL, 0);
        close(pong[0]);
    }
    if (wanted(argc, argv, "fork_exit_wait")) { t = measure(op_fork, &ops); report("fork_exit_wait", t, ops); }
    return 0;
}
