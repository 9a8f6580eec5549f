/* raw.h: a freestanding start file and raw `svc #0` system calls, for guest tests that must not
 * depend on the C library (built with -nostdlib -ffreestanding; see the "fast-build:" line at the
 * top of such a test). Only what the tests need. */
#ifndef RAW_H
#define RAW_H
typedef unsigned long u64;
typedef long i64;

static inline i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f)
{
    register i64 x8 __asm__("x8") = n;
    register i64 x0 __asm__("x0") = a;
    register i64 x1 __asm__("x1") = b;
    register i64 x2 __asm__("x2") = c;
    register i64 x3 __asm__("x3") = d;
    register i64 x4 __asm__("x4") = e;
    register i64 x5 __asm__("x5") = f;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory", "cc");
    return x0;
}
#define sys0(n) sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6(n, (i64)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6(n, (i64)(a), (i64)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6(n, (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), 0, 0)

enum {
    NR_dup3 = 24, NR_close = 57, NR_pipe2 = 59, NR_read = 63, NR_write = 64, NR_exit = 93, NR_exit_group = 94,
    NR_nanosleep = 101, NR_clock_gettime = 113, NR_kill = 129, NR_rt_sigaction = 134, NR_rt_sigreturn = 139,
    NR_uname = 160, NR_getpid = 172, NR_getppid = 173, NR_gettid = 178, NR_brk = 214, NR_munmap = 215,
    NR_clone = 220, NR_execve = 221, NR_mmap = 222, NR_mprotect = 226, NR_wait4 = 260, NR_getrandom = 278,
};

static u64 raw_strlen(const char *s) { u64 n = 0; while (s[n]) n++; return n; }
static void raw_puts(const char *s) { sys3(NR_write, 1, s, raw_strlen(s)); }
static void raw_putnum(i64 v)
{
    char buf[24];
    int i = 23;
    int neg = v < 0;
    u64 u = neg ? (u64)-v : (u64)v;
    buf[i] = 0;
    do { buf[--i] = (char)('0' + u % 10); u /= 10; } while (u);
    if (neg) buf[--i] = '-';
    raw_puts(buf + i);
}

static int raw_checks, raw_failures;
#define RCHECK(cond, msg) do { raw_checks++; if (cond) raw_puts("ok - "); else { raw_failures++; raw_puts("FAIL - "); } raw_puts(msg); raw_puts("\n"); } while (0)

int main(int argc, char **argv, char **envp);

/* _start: sp points at argc; call main(argc, argv, envp) and exit_group with its result. */
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n  mov x30, #0\n"
        "  ldr x0, [sp]\n  add x1, sp, #8\n  add x2, x1, x0, lsl #3\n  add x2, x2, #8\n"
        "  bl main\n  mov x8, #94\n  svc #0\n");
#endif
