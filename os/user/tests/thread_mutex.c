/* Threads contending on mutexes: a hand-written futex mutex (Drepper's three-state lock) and
 * pthread_mutex; condition variables; pthread_join results; thread ids; TLS. */
#include "ftest.h"
#include <pthread.h>
#include <stdatomic.h>
#include <linux/futex.h>
#include <sys/syscall.h>

enum { THREADS = 4, ITERS = 20000 };

static atomic_int fmutex;   /* 0 free, 1 locked, 2 locked with waiters */
static long futex_count, pthread_count;
static pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;
static __thread int tls_var = 5;

static long futex(atomic_int *addr, int op, int val)
{
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static void flock(void)
{
    int c = 0;
    if (atomic_compare_exchange_strong(&fmutex, &c, 1)) return;
    if (c != 2) c = atomic_exchange(&fmutex, 2);
    while (c != 0) {
        futex(&fmutex, FUTEX_WAIT_PRIVATE, 2);
        c = atomic_exchange(&fmutex, 2);
    }
}

static void funlock(void)
{
    if (atomic_fetch_sub(&fmutex, 1) != 1) {
        atomic_store(&fmutex, 0);
        futex(&fmutex, FUTEX_WAKE_PRIVATE, 1);
    }
}

static void *futex_worker(void *arg)
{
    for (int i = 0; i < ITERS; i++) {
        flock();
        long v = futex_count;
        if ((i & 63) == 0) sched_yield(); /* hold the lock across a yield: forces contention */
        futex_count = v + 1;
        funlock();
    }
    tls_var += (int)(intptr_t)arg;
    return (void *)(intptr_t)(tls_var * 10);
}

static void *pthread_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&pm);
        long v = pthread_count;
        if ((i & 127) == 0) sched_yield();
        pthread_count = v + 1;
        pthread_mutex_unlock(&pm);
    }
    return (void *)(intptr_t)gettid();
}

static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int turn, rounds_done;

static void *pingpong(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&pm);
        while (turn != me) pthread_cond_wait(&cv, &pm);
        turn = 1 - me;
        rounds_done++;
        pthread_cond_broadcast(&cv);
        pthread_mutex_unlock(&pm);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&t[i], NULL, futex_worker, (void *)(intptr_t)(i + 1)) == 0, "pthread_create %d", i);
    int ok = 1;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        ok &= (intptr_t)r == (5 + i + 1) * 10;
    }
    CHECK(futex_count == (long)THREADS * ITERS, "futex mutex: count %ld, expected %ld", futex_count, (long)THREADS * ITERS);
    CHECK(ok, "each thread has its own TLS variable, and join returns its result");
    CHECK(tls_var == 5, "the main thread's TLS variable is untouched (%d)", tls_var);

    pid_t tids[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, pthread_worker, NULL);
    for (int i = 0; i < THREADS; i++) { void *r; pthread_join(t[i], &r); tids[i] = (pid_t)(intptr_t)r; }
    CHECK(pthread_count == (long)THREADS * ITERS, "pthread mutex: count %ld, expected %ld", pthread_count, (long)THREADS * ITERS);
    ok = 1;
    for (int i = 0; i < THREADS; i++) {
        ok &= tids[i] != getpid() && tids[i] > 0;
        for (int j = 0; j < i; j++) ok &= tids[i] != tids[j];
    }
    CHECK(ok, "threads have distinct tids, none equal to the pid");

    pthread_t a, b;
    pthread_create(&a, NULL, pingpong, (void *)0);
    pthread_create(&b, NULL, pingpong, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK(rounds_done == 2000, "condition-variable ping-pong: %d rounds", rounds_done);

    /* FUTEX_WAIT with a value that does not match returns EAGAIN at once; with a timeout, ETIMEDOUT. */
    atomic_int word = 1;
    errno = 0;
    CHECK(futex(&word, FUTEX_WAIT_PRIVATE, 0) == -1 && errno == EAGAIN, "FUTEX_WAIT on a changed value: EAGAIN");
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    double t0 = ft_now();
    errno = 0;
    long r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &ts, NULL, 0);
    double dt = ft_now() - t0;
    CHECK(r == -1 && errno == ETIMEDOUT && dt >= 0.015 && dt < 2, "FUTEX_WAIT with a 20 ms timeout: ETIMEDOUT after %.3f s", dt);

    /* Many short-lived threads. */
    ok = 1;
    for (int i = 0; i < 50; i++) {
        pthread_t x;
        if (pthread_create(&x, NULL, pthread_worker, NULL) != 0) { ok = 0; break; }
        pthread_detach(x);
    }
    pthread_mutex_lock(&pm);
    pthread_mutex_unlock(&pm);
    CHECK(ok, "50 detached threads created");
    return ft_done();
}
