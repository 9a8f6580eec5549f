/* A pipe between processes on different cores (the kernel carries it over a UMP channel): the
 * parent, pinned to core 0, pipes 16 MB to a child pinned to the last core, which checks every
 * byte (FNV-1a of a known stream) and answers through a second pipe. Prints the throughput. With
 * one core it runs the same exchange on that core. Correctness only: no timing is asserted. */
#include "ftest.h"
#include <sched.h>
#include <sys/wait.h>

static int pin(int core)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

static uint32_t fnv(uint32_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static void fill(unsigned char *buf, size_t n, uint64_t *pos)
{
    for (size_t i = 0; i < n; i++, (*pos)++) buf[i] = (unsigned char)((*pos * 2654435761u) >> 13);
}

int main(void)
{
    enum { TOTAL = 16 << 20 };
    static unsigned char buf[65536];
    int cores = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    int far = cores - 1;
    int down[2], up[2];
    CHECK(pipe(down) == 0 && pipe(up) == 0, "pipe()");
    CHECK(pin(0) == 0, "parent pinned to core 0");

    pid_t pid = fork();
    if (pid == 0) {
        close(down[1]); close(up[0]);
        int pinned = pin(far) == 0 && sched_getcpu() == far;
        uint32_t h = 2166136261u;
        uint64_t total = 0;
        ssize_t r;
        /* Odd read sizes so that reads and the writer's messages do not line up. */
        while ((r = read(down[0], buf, 3001 + (total % 7) * 1000)) > 0) { h = fnv(h, buf, (size_t)r); total += (uint64_t)r; }
        uint64_t answer[3] = { h, total, (uint64_t)pinned };
        ft_write_all(up[1], answer, sizeof answer);
        _exit(r == 0 ? 0 : 1);
    }
    close(down[0]); close(up[1]);
    uint64_t pos = 0;
    uint32_t h = 2166136261u;
    size_t sent = 0;
    double t0 = ft_now();
    int i = 0;
    while (sent < TOTAL) {
        /* Mixed sizes: small writes travel inline in a message, large ones as the kernel's bulk copy. */
        size_t n = (i++ % 5 == 0) ? 37 : 20011;
        if (n > TOTAL - sent) n = TOTAL - sent;
        fill(buf, n, &pos);
        h = fnv(h, buf, n);
        if (ft_write_all(down[1], buf, n) != 0) break;
        sent += n;
    }
    close(down[1]);
    uint64_t answer[3] = { 0, 0, 0 };
    CHECK(ft_read_all(up[0], answer, sizeof answer) == 0, "the child answers");
    double dt = ft_now() - t0;
    CHECK(answer[2] == 1, "the child ran on core %d", far);
    CHECK(answer[1] == TOTAL && answer[0] == h,
          "16 MB core 0 -> core %d through a pipe: %lu bytes, checksum %08lx (expected %08x), %.1f MB/s",
          far, (unsigned long)answer[1], (unsigned long)answer[0], h, TOTAL / dt / 1e6);
    int status = -1;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child read to EOF and exited 0");

    /* The transport alone: 64 MB of 64 KiB writes, the child only counting (no checksum work in the guest). */
    enum { RAW = 64 << 20 };
    int raw[2];
    CHECK(pipe(raw) == 0, "a second pipe");
    pid = fork();
    if (pid == 0) {
        close(raw[1]);
        pin(far);
        uint64_t total = 0;
        ssize_t r;
        while ((r = read(raw[0], buf, sizeof buf)) > 0) total += (uint64_t)r;
        _exit(total == RAW ? 0 : 1);
    }
    close(raw[0]);
    t0 = ft_now();
    for (size_t done = 0; done < RAW; done += sizeof buf)
        if (ft_write_all(raw[1], buf, sizeof buf) != 0) break;
    close(raw[1]);
    status = -1;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "64 MB core 0 -> core %d, counted by the reader: %.1f MB/s", far, RAW / (ft_now() - t0) / 1e6);
    return ft_done();
}
