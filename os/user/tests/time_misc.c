/* nanosleep, clock_gettime, gettimeofday, getrandom, uname, and a few identity calls. */
#include "ftest.h"
#include <sys/sysinfo.h>
#include <sys/random.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/resource.h>
#include <sched.h>

int main(void)
{
    struct timespec a, b, req = { 0, 50 * 1000 * 1000 };
    clock_gettime(CLOCK_MONOTONIC, &a);
    CHECK(nanosleep(&req, NULL) == 0, "nanosleep(50 ms)");
    clock_gettime(CLOCK_MONOTONIC, &b);
    double dt = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    CHECK(dt >= 0.049 && dt < 1.0, "nanosleep slept %.4f s", dt);
    clock_gettime(CLOCK_MONOTONIC, &a);
    usleep(1000);
    clock_gettime(CLOCK_MONOTONIC, &b);
    dt = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
    CHECK(dt >= 0.001 && dt < 0.5, "usleep(1000) slept %.4f s", dt);
    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    abs.tv_nsec += 20 * 1000 * 1000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0, "clock_nanosleep(TIMER_ABSTIME)");
    clock_gettime(CLOCK_MONOTONIC, &b);
    CHECK(b.tv_sec > abs.tv_sec || (b.tv_sec == abs.tv_sec && b.tv_nsec >= abs.tv_nsec), "woke after the absolute deadline");
    errno = 0;
    req.tv_nsec = 1000000000;
    CHECK(nanosleep(&req, NULL) == -1 && errno == EINVAL, "nanosleep with tv_nsec = 1e9: EINVAL");

    /* Clocks: monotonic never goes back; realtime agrees with gettimeofday and is after 2024. */
    int mono = 1;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < 1000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec)) mono = 0;
        a = b;
    }
    CHECK(mono, "CLOCK_MONOTONIC is monotonic over 1000 reads");
    struct timeval tv;
    gettimeofday(&tv, NULL);
    clock_gettime(CLOCK_REALTIME, &a);
    CHECK(tv.tv_sec > 1704067200 && labs(a.tv_sec - tv.tv_sec) <= 1, "CLOCK_REALTIME %ld agrees with gettimeofday %ld", (long)a.tv_sec, (long)tv.tv_sec);
    CHECK(clock_getres(CLOCK_MONOTONIC, &a) == 0 && a.tv_sec == 0 && a.tv_nsec > 0 && a.tv_nsec <= 1000000, "clock_getres: %ld ns", a.tv_nsec);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 20000000; i++) spin += i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    CHECK(b.tv_sec > a.tv_sec || b.tv_nsec > a.tv_nsec, "CLOCK_PROCESS_CPUTIME_ID advances while spinning");
    errno = 0;
    CHECK(clock_gettime(12345, &a) == -1 && errno == EINVAL, "an unknown clock: EINVAL");

    /* getrandom: fills the buffer, two calls differ. */
    unsigned char r1[64], r2[64];
    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    CHECK(getrandom(r1, sizeof r1, 0) == 64 && getrandom(r2, sizeof r2, GRND_NONBLOCK) == 64, "getrandom(64) twice");
    int zeros = 0;
    for (int i = 0; i < 64; i++) zeros += r1[i] == 0;
    CHECK(memcmp(r1, r2, 64) != 0 && zeros < 10, "random bytes differ between calls (%d zero bytes)", zeros);

    /* uname */
    struct utsname u;
    CHECK(uname(&u) == 0, "uname");
    CHECK(strcmp(u.sysname, "Linux") == 0 && strcmp(u.machine, "aarch64") == 0, "uname: %s %s %s %s", u.sysname, u.nodename, u.release, u.machine);
    int major = 0, minor = 0;
    CHECK(sscanf(u.release, "%d.%d", &major, &minor) == 2 && major >= 3, "uname release %s parses as a version", u.release);

    /* identities and limits */
    CHECK(getuid() == geteuid() && getgid() == getegid(), "uid %d, gid %d", getuid(), getgid());
    struct rlimit rl;
    CHECK(getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur >= 1 << 20, "RLIMIT_STACK %lu", (unsigned long)rl.rlim_cur);
    CHECK(sched_yield() == 0, "sched_yield");
    cpu_set_t set;
    CHECK(sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) >= 1, "sched_getaffinity: %d CPUs", CPU_COUNT(&set));
    /* The machine's cores (--cores), as every way of asking reports them: /sys/devices/system/cpu/online
     * (sysconf ONLN, get_nprocs), the cpuN entries (CONF), /proc/cpuinfo, and the affinity mask. */
    long onln = sysconf(_SC_NPROCESSORS_ONLN), conf = sysconf(_SC_NPROCESSORS_CONF);
    int listed = 0;
    FILE *ci = fopen("/proc/cpuinfo", "r");
    char line[256];
    while (ci && fgets(line, sizeof line, ci)) listed += strncmp(line, "processor", 9) == 0;
    if (ci) fclose(ci);
    CHECK(onln == CPU_COUNT(&set) && conf == onln && get_nprocs() == onln && get_nprocs_conf() == onln && listed == onln,
          "sysconf ONLN %ld, CONF %ld, get_nprocs %d, /proc/cpuinfo %d = the %d cores", onln, conf, get_nprocs(), listed, CPU_COUNT(&set));
    CHECK(sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096, "page size 4096");
    return ft_done();
}
