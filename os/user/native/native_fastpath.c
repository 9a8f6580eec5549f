// The IPC fast paths: threads pinned with sched_setaffinity (they really move, sched_getcpu
// says so), an LMP ping-pong of aos_chan_call on one core (the kernel hands each unit straight
// to the parked receiver and switches to it), a capability riding such a handoff, a UMP
// channel between threads on two cores, large messages copied by the kernel (with a capability
// after them), and receivers parked on a channel that closes (they wake with AOS_ERR_CLOSED).
#define _GNU_SOURCE
#include "ftest.h"
#include <aos/aos.h>
#include <pthread.h>
#include <sched.h>

static aos_chan_t A, B;
static int echo_core;
static volatile int echo_cpu = -1;

// Answers each unit with word 0 plus one (and the capability it got, if any, identified in word 1).
static void *echo(void *arg)
{
    long rounds = (long)arg;
    aos_pin_to_core(echo_core);
    echo_cpu = sched_getcpu();
    uint64_t w[AOS_UNIT_WORDS];
    capref_t cap = 0;
    int n = aos_chan_recv(B, w, &cap, 0);
    for (long i = 0; i < rounds && n >= 0; i++) {
        w[0]++;
        if (cap) {
            uint64_t size = 0;
            w[1] = aos_cap_identify(cap, NULL, &size) == AOS_CAP_FRAME ? size : 0;
            aos_cap_delete(cap);
            cap = 0;
            if (n < 2) n = 2;
        }
        if (i + 1 == rounds) return aos_chan_send(B, w, n, 0, 0) < 0 ? (void *)1 : NULL;
        n = aos_chan_call(B, w, n, 0, w, &cap);
    }
    return n < 0 ? (void *)2 : NULL;
}

static int ping_pong(long rounds)
{
    for (long i = 0; i < rounds; i++) {
        uint64_t w[AOS_UNIT_WORDS] = { (uint64_t)i, 10, 20, 30, 40, 50, 60 };
        if (aos_chan_call(A, w, 7, 0, w, NULL) != 7 || w[0] != (uint64_t)i + 1 || w[1] != 10 || w[6] != 60) return 0;
    }
    return 1;
}

static void *blocked_receiver(void *arg)
{
    aos_pin_to_core((int)(long)arg);
    uint64_t w[AOS_UNIT_WORDS];
    return (void *)(long)aos_chan_recv(B, w, NULL, 0);
}

static void *bulk_echo(void *arg)
{
    aos_pin_to_core((int)(long)arg);
    void *d; size_t n; capref_t c = 0;
    if (aos_msg_recv(B, &d, &n, &c) < 0) return (void *)1;
    int e = aos_msg_send(B, d, n, c);
    free(d);
    return e < 0 ? (void *)2 : NULL;
}

static int bulk_round_trip(size_t size, int with_cap)
{
    uint8_t *buf = malloc(size);
    for (size_t i = 0; i < size; i++) buf[i] = (uint8_t)(i * 31 + size);
    capref_t frame = 0, back = 0;
    if (with_cap && aos_frame_alloc(4096, &frame) < 0) return 0;
    void *got = NULL; size_t len = 0;
    int ok = aos_msg_send(A, buf, size, frame) == 0 && aos_msg_recv(A, &got, &len, &back) == 0
        && len == size && memcmp(got, buf, size) == 0;
    if (with_cap) {
        uint64_t fsize = 0;
        ok = ok && back > 0 && aos_cap_identify(back, NULL, &fsize) == AOS_CAP_FRAME && fsize == 4096;
        aos_cap_delete(back);
        aos_cap_delete(frame);
    }
    free(got);
    free(buf);
    return ok;
}

int main(void)
{
    int cores = 0;
    aos_core_id(&cores, NULL);
    CHECK(aos_pin_to_core(0) == 0 && sched_getcpu() == 0, "pinned to core 0 (sched_getcpu %d)", sched_getcpu());
    cpu_set_t set;
    CHECK(sched_getaffinity(0, sizeof set, &set) == 0 && CPU_ISSET(0, &set) && CPU_COUNT(&set) == 1, "affinity mask is core 0 only");

    // One core: aos_chan_call on both sides.
    CHECK(aos_chan_pair(&A, &B) == 0 && aos_chan_transport(A, NULL, NULL) == AOS_LMP, "LMP pair");
    echo_core = 0;
    const long rounds = 20000;
    pthread_t t;
    void *ret;
    pthread_create(&t, NULL, echo, (void *)(rounds + 1));
    double t0 = ft_now();
    int ok = ping_pong(rounds);
    double dt = ft_now() - t0;
    CHECK(ok, "%ld LMP calls on one core: %.0f ns per round trip", rounds, dt / rounds * 1e9);
    capref_t frame;
    CHECK(aos_frame_alloc(8192, &frame) == 0, "frame");
    uint64_t w[AOS_UNIT_WORDS] = { 7 };
    CHECK(aos_chan_call(A, w, 1, frame, w, NULL) == 2 && w[0] == 8 && w[1] == 8192, "a capability rides a call: the receiver saw an 8 KiB frame");
    CHECK(aos_cap_identify(frame, NULL, NULL) == AOS_CAP_FRAME && aos_cap_delete(frame) == 0, "the sender's copy stays");
    pthread_join(t, &ret);
    CHECK(ret == NULL && echo_cpu == 0, "the echo thread ran on core %d", echo_cpu);

    // Large messages through the kernel's copy, with and without a capability after them.
    pthread_create(&t, NULL, bulk_echo, (void *)0L);
    CHECK(bulk_round_trip(3 << 20, 1), "a 3 MiB message and a frame capability, echoed on one core");
    pthread_join(t, &ret);
    CHECK(ret == NULL, "echo done");

    // A receiver parked on one core wakes when the channel closes.
    pthread_create(&t, NULL, blocked_receiver, (void *)0L);
    usleep(20000);
    aos_chan_close(A);
    pthread_join(t, &ret);
    CHECK((long)ret == AOS_ERR_CLOSED, "a parked receiver sees the close: %ld", (long)ret);
    aos_chan_close(B);

    if (cores < 2) return ft_done();

    // Two cores: a UMP pair between threads of this process.
    CHECK(aos_chan_pair_ump(&A, &B, 1) == 0 && aos_chan_transport(A, NULL, NULL) == AOS_UMP, "UMP pair to core 1");
    echo_core = 1;
    echo_cpu = -1;
    const long ump_rounds = 5000;   // a loaded host makes each cross-core round trip far slower
    pthread_create(&t, NULL, echo, (void *)(ump_rounds + 1));
    t0 = ft_now();
    ok = ping_pong(ump_rounds);
    dt = ft_now() - t0;
    CHECK(ok, "%ld UMP calls between core 0 and core 1: %.0f ns per round trip", ump_rounds, dt / ump_rounds * 1e9);
    CHECK(aos_frame_alloc(4096, &frame) == 0, "frame");
    w[0] = 41;
    CHECK(aos_chan_call(A, w, 1, frame, w, NULL) == 2 && w[0] == 42 && w[1] == 4096, "a capability crosses cores with a call");
    aos_cap_delete(frame);
    pthread_join(t, &ret);
    CHECK(ret == NULL && echo_cpu == 1, "the echo thread ran on core %d", echo_cpu);
    CHECK(sched_getcpu() == 0, "we stayed on core 0");

    pthread_create(&t, NULL, bulk_echo, (void *)1L);
    CHECK(bulk_round_trip(5 << 20, 1), "a 5 MiB message and a capability across cores");
    pthread_join(t, &ret);
    CHECK(ret == NULL, "echo done");
    CHECK(aos_chan_recv(A, w, NULL, AOS_NONBLOCK) == AOS_ERR_EMPTY, "non-blocking receive on an empty ring");

    pthread_create(&t, NULL, blocked_receiver, (void *)1L);
    usleep(20000);
    aos_chan_close(A);
    pthread_join(t, &ret);
    CHECK((long)ret == AOS_ERR_CLOSED, "a receiver parked on core 1 sees the close: %ld", (long)ret);
    aos_chan_close(B);
    return ft_done();
}
