/* A page-fault storm: touch 100k fresh anonymous pages (one write each), check they read back
 * and that untouched parts read zero; then the same on a region from brk. */
#include "ftest.h"
#include <sys/mman.h>

int main(int argc, char **argv)
{
    long pages = argc > 1 ? atol(argv[1]) : 100000;
    const long page = sysconf(_SC_PAGESIZE);
    CHECK(page == 4096, "page size %ld", page);
    size_t size = (size_t)pages * page;
    unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap of %ld pages (%zu MB)", pages, size >> 20);
    if (p == MAP_FAILED) return ft_done();

    double t0 = ft_now();
    for (long i = 0; i < pages; i++) p[i * page + (i % 4000)] = (unsigned char)(i * 7 + 1);
    double t1 = ft_now();
    printf("   %ld write faults in %.3f s (%.0f ns per fault)\n", pages, t1 - t0, (t1 - t0) * 1e9 / pages);

    long bad = 0, nonzero = 0;
    for (long i = 0; i < pages; i++) {
        if (p[i * page + (i % 4000)] != (unsigned char)(i * 7 + 1)) bad++;
        if (p[i * page + ((i + 1) % 4000) + 50] != 0) nonzero++;
    }
    CHECK(bad == 0, "every touched page holds its byte (%ld wrong)", bad);
    CHECK(nonzero == 0, "the rest of each page is zero (%ld nonzero)", nonzero);

    /* Read faults first (zero page), then writes. */
    unsigned char *q = mmap(NULL, 10000 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long sum = 0;
    for (long i = 0; i < 10000; i++) sum += q[i * page];
    for (long i = 0; i < 10000; i++) q[i * page + 1] = 1;
    for (long i = 0; i < 10000; i++) sum += q[i * page + 1] + q[i * page];
    CHECK(sum == 10000, "read-then-write faults on 10k pages (sum %ld)", sum);

    CHECK(munmap(p, size) == 0, "munmap of the storm region");
    /* The memory comes back: map and touch again (the kernel must have freed the frames). */
    p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "map the same size again");
    if (p != MAP_FAILED) {
        bad = 0;
        for (long i = 0; i < pages; i++) { if (p[i * page] != 0) bad++; p[i * page] = 1; }
        CHECK(bad == 0, "the second storm sees fresh zero pages (%ld not zero)", bad);
    }
    return ft_done();
}
