/* brk growth and shrinking, through the raw syscall and through sbrk. */
#include "ftest.h"
#include <sys/syscall.h>

static uintptr_t raw_brk(uintptr_t addr) { return (uintptr_t)syscall(SYS_brk, addr); }

int main(void)
{
    uintptr_t start = raw_brk(0);
    CHECK(start != 0 && (start & 7) == 0, "brk(0) = %#lx", (unsigned long)start);
    CHECK(raw_brk(0) == start, "brk(0) is stable");

    /* Grow in steps up to 64 MB, writing the last byte of each step. */
    uintptr_t cur = start;
    int ok = 1;
    for (int i = 1; i <= 64; i++) {
        uintptr_t want = start + ((uintptr_t)i << 20);
        uintptr_t got = raw_brk(want);
        if (got != want) { ok = 0; printf("   brk(%#lx) = %#lx\n", (unsigned long)want, (unsigned long)got); break; }
        ((volatile char *)want)[-1] = (char)i;
        cur = got;
    }
    CHECK(ok, "brk grows in 1 MB steps to +64 MB");
    ok = 1;
    for (int i = 1; i <= 64 && cur == start + (64UL << 20); i++) ok &= ((volatile char *)start)[(i << 20) - 1] == (char)i;
    CHECK(ok, "every step keeps its byte");
    char *mid = (char *)start + (10 << 20) + 12345;
    CHECK(*mid == 0, "untouched brk memory is zero");

    /* Shrink, then grow again: the memory comes back zeroed. */
    CHECK(raw_brk(start + (1 << 20)) == start + (1 << 20), "brk shrinks to +1 MB");
    CHECK(raw_brk(start + (2 << 20)) == start + (2 << 20), "and grows again to +2 MB");
    CHECK(((volatile char *)start)[(2 << 20) - 1] == 0, "re-grown memory reads zero");
    CHECK(((volatile char *)start)[(1 << 20) - 1] == 1, "memory below the shrink point kept its data");

    /* A brk below the start fails (returns the current break). */
    CHECK(raw_brk(start - 4096 * 1024) == start + (2 << 20), "brk below the initial break is refused");
    raw_brk(start);

    /* sbrk and malloc on top. */
    void *s0 = sbrk(0);
    void *s1 = sbrk(1 << 20);
    CHECK(s1 == s0 && sbrk(0) == (char *)s0 + (1 << 20), "sbrk(1 MB) moves the break by 1 MB");
    memset(s1, 0xEE, 1 << 20);
    char *blocks[100];
    for (int i = 0; i < 100; i++) { blocks[i] = malloc(10000 + i); memset(blocks[i], i, 10000 + i); }
    ok = 1;
    for (int i = 0; i < 100; i++) { ok &= blocks[i][9999 + i] == (char)i; free(blocks[i]); }
    CHECK(ok, "100 mallocs keep their contents");
    return ft_done();
}
