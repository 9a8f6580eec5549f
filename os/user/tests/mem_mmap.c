/* mmap/munmap/mprotect/mremap semantics. Faults are caught with a SIGSEGV handler that
 * siglongjmps out, recording si_addr and si_code. */
#include "ftest.h"
#include <setjmp.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code, fault_sig;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    fault_sig = sig;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(env, 1);
}

/* 0 if the access worked, else the signal number. */
static int try_write(volatile char *p, char v)
{
    fault_sig = 0; fault_addr = 0; fault_code = 0;
    if (sigsetjmp(env, 1) == 0) { *p = v; return 0; }
    return fault_sig;
}

static int try_read(volatile char *p, char *out)
{
    fault_sig = 0; fault_addr = 0; fault_code = 0;
    if (sigsetjmp(env, 1) == 0) { *out = *p; return 0; }
    return fault_sig;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    const size_t P = 4096;
    char c;

    /* Anonymous memory is zero-filled and page aligned. */
    char *a = mmap(NULL, 16 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED && ((uintptr_t)a & (P - 1)) == 0, "mmap anonymous: %p", (void *)a);
    int zero = 1;
    for (size_t i = 0; i < 16 * P; i++) zero &= a[i] == 0;
    CHECK(zero, "anonymous pages read as zero");
    memset(a, 'x', 16 * P);

    /* mprotect PROT_READ: reads work, a write faults with SEGV_ACCERR at the address. */
    CHECK(mprotect(a + 4 * P, 2 * P, PROT_READ) == 0, "mprotect(PROT_READ) on two pages");
    CHECK(try_read(a + 4 * P + 10, &c) == 0 && c == 'x', "reading a read-only page works");
    CHECK(try_write(a + 5 * P + 123, 'y') == SIGSEGV && fault_addr == a + 5 * P + 123 && fault_code == SEGV_ACCERR,
          "writing a read-only page: SIGSEGV si_code=%d (SEGV_ACCERR=%d) si_addr=%p", fault_code, SEGV_ACCERR, (void *)fault_addr);
    CHECK(try_write(a + 3 * P, 'y') == 0 && try_write(a + 6 * P, 'y') == 0, "neighbouring pages stay writable");
    CHECK(mprotect(a + 4 * P, 2 * P, PROT_READ | PROT_WRITE) == 0 && try_write(a + 5 * P, 'z') == 0 && a[5 * P] == 'z',
          "mprotect back to read-write allows the write");

    /* PROT_NONE: even reads fault. */
    mprotect(a + 8 * P, P, PROT_NONE);
    CHECK(try_read(a + 8 * P + 1, &c) == SIGSEGV && fault_code == SEGV_ACCERR && fault_addr == a + 8 * P + 1, "reading PROT_NONE: SEGV_ACCERR (code %d)", fault_code);
    mprotect(a + 8 * P, P, PROT_READ | PROT_WRITE);
    CHECK(try_read(a + 8 * P + 1, &c) == 0 && c == 'x', "PROT_NONE then PROT_READ|PROT_WRITE keeps the contents");

    /* munmap of a page in the middle: that page faults with SEGV_MAPERR, the others remain. */
    CHECK(munmap(a + 10 * P, P) == 0, "munmap one page in the middle");
    CHECK(try_read(a + 10 * P, &c) == SIGSEGV && fault_code == SEGV_MAPERR && fault_addr == a + 10 * P, "the hole faults with SEGV_MAPERR (code %d)", fault_code);
    CHECK(try_read(a + 9 * P, &c) == 0 && c == 'x' && try_read(a + 11 * P, &c) == 0 && c == 'x', "pages around the hole keep their data");
    /* munmap of something not mapped is fine; misaligned is EINVAL. */
    CHECK(munmap(a + 10 * P, P) == 0, "munmap of an unmapped range succeeds");
    errno = 0;
    CHECK(munmap(a + 1, P) == -1 && errno == EINVAL, "munmap of a misaligned address: EINVAL");

    /* MAP_FIXED replaces a mapping with fresh zero pages. */
    char *f = mmap(a + 12 * P, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(f == a + 12 * P && f[0] == 0 && f[P + 5] == 0 && a[11 * P] == 'x', "MAP_FIXED over a mapping gives zero pages at that address");
    errno = 0;
    CHECK(mmap(a, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE over a mapping: EEXIST");

    /* A hint that is free is honoured... or at least the result is usable. */
    errno = 0;
    CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL, "mmap of length 0: EINVAL");

    /* mremap grows a mapping (maybe moving it) and keeps the contents. */
    char *m = mmap(NULL, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(m, 'm', 2 * P);
    char *m2 = mremap(m, 2 * P, 64 * P, MREMAP_MAYMOVE);
    CHECK(m2 != MAP_FAILED && m2[0] == 'm' && m2[2 * P - 1] == 'm' && m2[2 * P] == 0, "mremap grows to 64 pages keeping the contents");
    m2[63 * P] = 1;
    char *m3 = mremap(m2, 64 * P, P, 0);
    CHECK(m3 == m2 && m3[0] == 'm', "mremap shrinks in place");
    CHECK(try_read(m2 + 10 * P, &c) == SIGSEGV, "the part given up by shrinking is unmapped");

    /* A read-only private file mapping: the program's own ELF header. */
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0, "open /proc/self/exe");
    char *e = mmap(NULL, P, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(e != MAP_FAILED && memcmp(e, "\177ELF", 4) == 0, "a file mapping shows the ELF magic");
    CHECK(try_write(e, 'q') == SIGSEGV && fault_code == SEGV_ACCERR, "writing a PROT_READ file mapping faults");
    /* MAP_PRIVATE writable file mapping: writes stay private. */
    char *w = mmap(NULL, P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(w != MAP_FAILED && try_write(w, 'Q') == 0 && w[0] == 'Q' && e[0] == 0x7f, "a private writable file mapping keeps writes private");
    close(fd);

    /* The program's text is not writable. */
    CHECK(try_write((char *)main, 0) == SIGSEGV && fault_code == SEGV_ACCERR, "writing the program's code faults with SEGV_ACCERR (code %d)", fault_code);

    /* Large mapping, sparse touches. */
    char *big = mmap(NULL, 1UL << 32, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    CHECK(big != MAP_FAILED, "a 4 GB MAP_NORESERVE mapping (lazy)");
    if (big != MAP_FAILED) {
        big[0] = 1; big[(1UL << 32) - 1] = 2; big[1UL << 31] = 3;
        CHECK(big[0] + big[(1UL << 32) - 1] + big[1UL << 31] == 6, "sparse touches across 4 GB work");
        CHECK(munmap(big, 1UL << 32) == 0, "munmap 4 GB");
    }
    return ft_done();
}
