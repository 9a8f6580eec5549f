// fast-build: -nostdlib -ffreestanding -fno-builtin -fno-stack-protector -fno-tree-loop-distribute-patterns
/* The kernel without the C library: raw system calls for output, ids, fork (clone), wait4 exit
 * statuses, pipes, mmap/munmap, brk, uname, getrandom, nanosleep. Runs even where libc would not. */
#include "raw.h"

int main(int argc, char **argv, char **envp)
{
    (void)envp;
    RCHECK(argc >= 1 && argv[0] != 0, "argc and argv from the initial stack");
    i64 pid = sys0(NR_getpid);
    RCHECK(pid > 0, "getpid > 0");
    RCHECK(sys0(NR_gettid) == pid, "gettid == getpid in a single-threaded process");

    /* fork = clone(SIGCHLD); the child exits with 42. */
    i64 child = sys6(NR_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0);
    if (child == 0) {
        if (sys0(NR_getppid) != pid) sys1(NR_exit_group, 1);
        sys1(NR_exit_group, 42);
    }
    RCHECK(child > 0 && child != pid, "clone(SIGCHLD) returns a new pid");
    int status = -1;
    i64 w = sys4(NR_wait4, child, &status, 0, 0);
    RCHECK(w == child && (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 42, "wait4: the child exited with 42 and saw its parent");
    RCHECK(sys4(NR_wait4, -1, &status, 0, 0) == -10 /* ECHILD */, "wait4 without children: -ECHILD");

    /* A child killed by SIGKILL. */
    child = sys6(NR_clone, 17, 0, 0, 0, 0, 0);
    if (child == 0) { sys2(NR_kill, sys0(NR_getpid), 9); for (;;) {} }
    sys4(NR_wait4, child, &status, 0, 0);
    RCHECK((status & 0x7f) == 9, "a child killed by SIGKILL: WTERMSIG 9");

    /* Pipe between processes. */
    int fds[2];
    RCHECK(sys2(NR_pipe2, fds, 0) == 0, "pipe2");
    child = sys6(NR_clone, 17, 0, 0, 0, 0, 0);
    if (child == 0) {
        sys1(NR_close, fds[0]);
        for (int i = 0; i < 100; i++) sys3(NR_write, fds[1], "0123456789", 10);
        sys1(NR_exit_group, 0);
    }
    sys1(NR_close, fds[1]);
    char buf[256];
    i64 total = 0, r, digits = 0;
    while ((r = sys3(NR_read, fds[0], buf, sizeof buf)) > 0) {
        for (i64 i = 0; i < r; i++) digits += buf[i] - '0';
        total += r;
    }
    sys4(NR_wait4, child, &status, 0, 0);
    RCHECK(total == 1000 && digits == 4500 && r == 0, "1000 bytes through a pipe from a child, then EOF");

    /* mmap, touch, munmap. */
    u64 size = 64 * 4096;
    volatile char *m = (volatile char *)sys6(NR_mmap, 0, size, 3, 0x22, -1, 0);
    RCHECK((i64)m > 0 && ((u64)m & 4095) == 0, "mmap anonymous");
    int ok = 1;
    for (u64 i = 0; i < size; i += 4096) { ok &= m[i] == 0; m[i] = (char)(i >> 12); }
    for (u64 i = 0; i < size; i += 4096) ok &= m[i] == (char)(i >> 12);
    RCHECK(ok, "64 fresh pages read zero and keep writes");
    RCHECK(sys2(NR_munmap, m, size) == 0, "munmap");

    /* brk */
    u64 b0 = (u64)sys1(NR_brk, 0);
    u64 b1 = (u64)sys1(NR_brk, b0 + (1 << 20));
    RCHECK(b1 == b0 + (1 << 20), "brk grows by 1 MB");
    ((volatile char *)b1)[-1] = 1;

    /* uname */
    char uts[65 * 6];
    RCHECK(sys1(NR_uname, uts) == 0 && uts[0] == 'L' && uts[65 * 4] == 'a', "uname: Linux ... aarch64");

    /* getrandom */
    u64 rnd[2] = { 0, 0 };
    RCHECK(sys3(NR_getrandom, rnd, 16, 0) == 16 && (rnd[0] | rnd[1]) != 0, "getrandom(16)");

    /* nanosleep 10 ms, measured on CLOCK_MONOTONIC */
    i64 t0[2], t1[2], req[2] = { 0, 10 * 1000 * 1000 };
    sys2(NR_clock_gettime, 1, t0);
    RCHECK(sys2(NR_nanosleep, req, 0) == 0, "nanosleep(10 ms)");
    sys2(NR_clock_gettime, 1, t1);
    i64 ns = (t1[0] - t0[0]) * 1000000000 + (t1[1] - t0[1]);
    RCHECK(ns >= 10 * 1000 * 1000 && ns < 1000 * 1000 * 1000, "slept at least 10 ms");

    /* A bad pointer gives -EFAULT, an unknown syscall -ENOSYS. */
    RCHECK(sys3(NR_write, 1, 8, 10) == -14, "write from an unmapped buffer: -EFAULT");
    RCHECK(sys0(4000) == -38, "syscall 4000: -ENOSYS");

    raw_puts(raw_failures ? "FAILED: " : "PASSED: ");
    raw_putnum(raw_checks);
    raw_puts(" checks, ");
    raw_putnum(raw_failures);
    raw_puts(" failed\n");
    return raw_failures ? 1 : 0;
}
