/* SIGSEGV on wild pointers caught by a handler: si_signo, si_code, si_addr; leaving the handler
 * with siglongjmp; fixing the fault in the handler and returning (the access is retried);
 * an uncaught SIGSEGV ends a child with WTERMSIG = SIGSEGV; SIGILL and SIGTRAP from bad code. */
#include "ftest.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code, fault_sig, fault_signo, handler_calls;
static volatile uintptr_t fault_pc;
static char *fixable;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    fault_sig = sig;
    fault_signo = si->si_signo;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    fault_pc = uc->uc_mcontext.pc;
    handler_calls++;
    siglongjmp(env, 1);
}

static void on_fixable(int sig, siginfo_t *si, void *ucv)
{
    (void)sig; (void)ucv;
    handler_calls++;
    /* Make the page writable and return: the faulting store runs again and succeeds. */
    mprotect((void *)((uintptr_t)si->si_addr & ~4095UL), 4096, PROT_READ | PROT_WRITE);
}

static void on_skip(int sig, siginfo_t *si, void *ucv)
{
    (void)sig; (void)si;
    ucontext_t *uc = ucv;
    handler_calls++;
    uc->uc_mcontext.pc += 4; /* step over the faulting instruction */
    uc->uc_mcontext.regs[0] = 77;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    volatile int *wild = (volatile int *)0xdead0000UL;
    if (sigsetjmp(env, 1) == 0) { *wild = 1; CHECK(0, "a wild write did not fault"); }
    else CHECK(fault_sig == SIGSEGV && fault_signo == SIGSEGV && fault_addr == (void *)wild && fault_code == SEGV_MAPERR,
               "wild write: sig=%d si_addr=%p si_code=%d (SEGV_MAPERR=%d)", fault_sig, (void *)fault_addr, fault_code, SEGV_MAPERR);

    volatile long *null = NULL;
    long v;
    if (sigsetjmp(env, 1) == 0) { v = null[3]; (void)v; CHECK(0, "a NULL read did not fault"); }
    else CHECK(fault_sig == SIGSEGV && fault_addr == (void *)24 && fault_code == SEGV_MAPERR, "NULL+24 read: si_addr=%p si_code=%d", (void *)fault_addr, fault_code);

    /* A high kernel-half address. */
    volatile char *kernel = (volatile char *)0xffff000012345678UL;
    if (sigsetjmp(env, 1) == 0) { v = *kernel; CHECK(0, "a kernel-address read did not fault"); }
    else CHECK(fault_sig == SIGSEGV, "kernel-half read: si_addr=%p si_code=%d", (void *)fault_addr, fault_code);

    /* The signal mask is restored by siglongjmp (savemask=1): a second fault is caught too. */
    int caught = 0;
    for (int i = 0; i < 100; i++) {
        if (sigsetjmp(env, 1) == 0) *(volatile int *)(0x1000UL * (i + 1) + 0x70000000UL) = i;
        else caught += fault_addr == (void *)(0x1000UL * (i + 1) + 0x70000000UL);
    }
    CHECK(caught == 100, "100 wild writes in a row are each caught with the right si_addr (%d)", caught);

    /* Jumping to a wild address: SIGSEGV with si_addr = pc. */
    void (*fn)(void) = (void (*)(void))0x5000000UL;
    if (sigsetjmp(env, 1) == 0) { fn(); CHECK(0, "a jump to nowhere returned"); }
    else CHECK(fault_sig == SIGSEGV && fault_addr == (void *)fn && fault_pc == (uintptr_t)fn, "jump to unmapped code: si_addr=%p pc=%#lx", (void *)fault_addr, (unsigned long)fault_pc);

    /* Undefined instruction: SIGILL, si_addr = pc; Linux says ILL_ILLOPC, qemu-aarch64 ILL_ILLOPN. */
    if (sigsetjmp(env, 1) == 0) { __asm__ volatile(".inst 0x00000000"); CHECK(0, "udf did not trap"); }
    else CHECK(fault_sig == SIGILL && (fault_code == ILL_ILLOPC || fault_code == ILL_ILLOPN) && fault_addr == (void *)fault_pc, "udf: SIGILL code=%d addr=%p pc=%#lx", fault_code, (void *)fault_addr, (unsigned long)fault_pc);

    /* brk #0: SIGTRAP. */
    if (sigsetjmp(env, 1) == 0) { __asm__ volatile("brk #0"); CHECK(0, "brk did not trap"); }
    else CHECK(fault_sig == SIGTRAP, "brk #0: SIGTRAP (sig %d, code %d)", fault_sig, fault_code);

    /* Returning from a handler that fixed the cause retries the access. */
    fixable = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sa.sa_sigaction = on_fixable;
    sigaction(SIGSEGV, &sa, NULL);
    handler_calls = 0;
    ((volatile char *)fixable)[100] = 42;
    CHECK(handler_calls == 1 && fixable[100] == 42, "a handler that mprotects and returns lets the store complete (calls=%d)", handler_calls);

    /* A handler can edit the saved context: skip the faulting load and set x0. */
    sa.sa_sigaction = on_skip;
    sigaction(SIGSEGV, &sa, NULL);
    handler_calls = 0;
    long x0;
    __asm__ volatile("mov x1, #0xdead0000\n\tmov x0, #1\n\tldr x0, [x1]\n\tmov %0, x0" : "=r"(x0) : : "x0", "x1", "memory");
    CHECK(handler_calls == 1 && x0 == 77, "a handler edits pc and x0 in the ucontext (x0=%ld)", x0);

    /* Uncaught: the child dies with SIGSEGV. */
    pid_t pid = fork();
    if (pid == 0) { signal(SIGSEGV, SIG_DFL); *wild = 2; _exit(0); }
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "an uncaught wild write kills a child with SIGSEGV (status 0x%x)", status);

    /* A fault inside the handler with SIGSEGV blocked kills the process (Linux forces the default). */
    pid = fork();
    if (pid == 0) {
        sa.sa_sigaction = on_fault;
        sigaction(SIGSEGV, &sa, NULL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGSEGV);
        sigprocmask(SIG_BLOCK, &set, NULL);
        *wild = 3;
        _exit(0);
    }
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "a fault with SIGSEGV blocked kills with SIGSEGV (status 0x%x)", status);

    /* Stack overflow by unbounded recursion kills (caught by nothing). */
    return ft_done();
}
