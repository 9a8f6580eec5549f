/* ftest.h: the tiny check library of Fast's guest test programs (os/user/tests).
 * Each program prints one line per check ("ok - ..." or "FAIL - ...") and exits with
 * ft_done(): 0 when every check passed, 1 otherwise. stdout is unbuffered so that output
 * is never duplicated by fork and never lost when a child dies. */
#ifndef FTEST_H
#define FTEST_H
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

static int ft_checks, ft_failures;

__attribute__((constructor)) static void ft_init(void) { setvbuf(stdout, NULL, _IONBF, 0); }

#define CHECK(cond, ...) do {                                                  \
        ft_checks++;                                                           \
        if (cond) { printf("ok - "); }                                         \
        else { ft_failures++; printf("FAIL - %s:%d: (%s) ", __FILE__, __LINE__, #cond); } \
        printf(__VA_ARGS__); printf("\n");                                     \
    } while (0)

/* A check that only prints when it fails (for checks inside loops). */
#define REQUIRE(cond, ...) do {                                                \
        if (!(cond)) { ft_checks++; ft_failures++;                             \
            printf("FAIL - %s:%d: (%s) ", __FILE__, __LINE__, #cond);          \
            printf(__VA_ARGS__); printf("\n"); }                               \
    } while (0)

static inline int ft_done(void)
{
    printf("%s: %d checks, %d failed\n", ft_failures ? "FAILED" : "PASSED", ft_checks, ft_failures);
    return ft_failures ? 1 : 0;
}

static inline double ft_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Writes or reads exactly n bytes (pipes may return short counts). */
static inline int ft_write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w; n -= (size_t)w;
    }
    return 0;
}

static inline int ft_read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r; n -= (size_t)r;
    }
    return 0;
}
#endif
