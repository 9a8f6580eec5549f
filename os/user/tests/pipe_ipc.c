/* Pipes between processes: 1 MB from parent to child with a checksum coming back, EOF when the
 * writers close, EPIPE/SIGPIPE when the readers close, a pipeline of three processes, dup2 onto
 * stdin/stdout, O_NONBLOCK (EAGAIN), poll readiness. */
#include "ftest.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

static uint32_t fnv(uint32_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static void fill(unsigned char *buf, size_t n, uint32_t *seed)
{
    for (size_t i = 0; i < n; i++) { *seed = *seed * 1103515245u + 12345u; buf[i] = (unsigned char)(*seed >> 16); }
}

int main(void)
{
    enum { TOTAL = 1 << 20 };
    static unsigned char buf[65536];
    int down[2], up[2];
    CHECK(pipe(down) == 0 && pipe(up) == 0, "pipe()");

    pid_t pid = fork();
    if (pid == 0) {
        close(down[1]); close(up[0]);
        uint32_t h = 2166136261u;
        size_t total = 0;
        ssize_t r;
        /* Odd read sizes so that reads and writes do not line up. */
        while ((r = read(down[0], buf, 4093)) > 0) { h = fnv(h, buf, (size_t)r); total += (size_t)r; }
        uint64_t answer[2] = { h, total };
        write(up[1], answer, sizeof answer);
        _exit(r == 0 ? 0 : 1);
    }
    close(down[0]); close(up[1]);
    uint32_t seed = 1, h = 2166136261u;
    size_t sent = 0;
    double t0 = ft_now();
    while (sent < TOTAL) {
        size_t n = sent + 10007 < TOTAL ? 10007 : TOTAL - sent;
        fill(buf, n, &seed);
        h = fnv(h, buf, n);
        if (ft_write_all(down[1], buf, n) != 0) break;
        sent += n;
    }
    close(down[1]); /* the child sees EOF */
    uint64_t answer[2] = { 0, 0 };
    CHECK(ft_read_all(up[0], answer, sizeof answer) == 0, "the child answers");
    double dt = ft_now() - t0;
    CHECK(answer[1] == TOTAL && answer[0] == h, "1 MB through a pipe: the child counted %lu bytes, checksum %08lx (expected %08x), %.1f MB/s",
          (unsigned long)answer[1], (unsigned long)answer[0], h, TOTAL / dt / 1e6);
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child read to EOF and exited 0");
    char c;
    CHECK(read(up[0], &c, 1) == 0, "read after the last writer closed: EOF");
    close(up[0]);

    /* EPIPE with SIGPIPE ignored; SIGPIPE kills by default. */
    int p[2];
    pipe(p);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE, "write with no reader: EPIPE (errno %d)", errno);
    signal(SIGPIPE, SIG_DFL);
    pid = fork();
    if (pid == 0) { write(p[1], "x", 1); _exit(0); }
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "write with no reader kills with SIGPIPE by default (status 0x%x)", status);
    close(p[1]);

    /* A pipeline: producer | doubler | this process, with dup2 onto stdin/stdout. */
    int a[2], b[2];
    pipe(a); pipe(b);
    pid_t prod = fork();
    if (prod == 0) {
        dup2(a[1], 1); close(a[0]); close(a[1]); close(b[0]); close(b[1]);
        for (int i = 1; i <= 1000; i++) printf("%d\n", i);
        _exit(0);
    }
    pid_t dbl = fork();
    if (dbl == 0) {
        dup2(a[0], 0); dup2(b[1], 1); close(a[0]); close(a[1]); close(b[0]); close(b[1]);
        char line[32];
        FILE *in = fdopen(0, "r");
        while (fgets(line, sizeof line, in)) printf("%d\n", 2 * atoi(line));
        fflush(stdout);
        _exit(0);
    }
    close(a[0]); close(a[1]); close(b[1]);
    FILE *in = fdopen(b[0], "r");
    long sum = 0, lines = 0;
    char line[32];
    while (fgets(line, sizeof line, in)) { sum += atol(line); lines++; }
    fclose(in);
    waitpid(prod, NULL, 0);
    waitpid(dbl, NULL, 0);
    CHECK(lines == 1000 && sum == 1001000, "a three-process pipeline: %ld lines summing to %ld", lines, sum);

    /* O_NONBLOCK: an empty pipe gives EAGAIN; a full one too. */
    pipe2(p, O_NONBLOCK);
    errno = 0;
    CHECK(read(p[0], &c, 1) == -1 && errno == EAGAIN, "non-blocking read of an empty pipe: EAGAIN");
    size_t filled = 0;
    ssize_t w;
    while ((w = write(p[1], buf, sizeof buf)) > 0) filled += (size_t)w;
    CHECK(w == -1 && errno == EAGAIN && filled >= 4096, "non-blocking writes fill the pipe (%zu bytes), then EAGAIN", filled);

    /* poll: readable when data is there, writable when there is room. */
    struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
    int n = poll(pf, 2, 0);
    CHECK(n == 1 && (pf[0].revents & POLLIN) && !(pf[1].revents & POLLOUT), "poll on a full pipe: readable, not writable (n=%d)", n);
    close(p[0]); close(p[1]);
    pipe(p);
    pid = fork();
    if (pid == 0) { usleep(20000); write(p[1], "z", 1); _exit(0); }
    struct pollfd one = { p[0], POLLIN, 0 };
    t0 = ft_now();
    n = poll(&one, 1, 5000);
    CHECK(n == 1 && (one.revents & POLLIN), "poll waits for a writer in another process (%.3f s)", ft_now() - t0);
    waitpid(pid, NULL, 0);
    close(p[1]);
    read(p[0], &c, 1);
    one.revents = 0;
    n = poll(&one, 1, 1000);
    CHECK(n == 1 && (one.revents & POLLHUP), "poll reports POLLHUP after the writer closed (revents %#x)", one.revents);
    return ft_done();
}
