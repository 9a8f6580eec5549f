// Native IPC on one core, inside one process: an LMP channel pair between threads — fixed-size
// units in order, a full receive buffer seen by a non-blocking sender, ping-pong latency, the
// message layer (small and large messages, the large ones in frames), capability transfer and
// revoke, RAM from the core's memory manager, and concurrent RPC from several threads on one channel.
#include "ftest.h"
#include <aos/aos.h>
#include <pthread.h>

static aos_chan_t A, B;
static int home_core;

static void *echo_units(void *arg)
{
    long rounds = (long)arg;
    aos_pin_to_core(home_core);   // the same core as the main thread: a true LMP ping-pong
    uint64_t w[AOS_UNIT_WORDS];
    for (long i = 0; i < rounds; i++) {
        int n = aos_chan_recv(B, w, NULL, 0);
        if (n < 0) return (void *)1;
        w[0]++;
        if (aos_chan_send(B, w, n, 0, 0) < 0) return (void *)2;
    }
    return NULL;
}

static void *echo_messages(void *arg)
{
    long count = (long)arg;
    for (long i = 0; i < count; i++) {
        void *d; size_t n; capref_t c;
        if (aos_msg_recv(B, &d, &n, &c) < 0) return (void *)1;
        if (aos_msg_send(B, d, n, c) < 0) return (void *)2;
        free(d);
    }
    return NULL;
}

// RPC server: request [u64 x] -> response [u64 x * 2 + 1]
static void *rpc_server(void *arg)
{
    long count = (long)arg;
    for (long i = 0; i < count; i++) {
        struct aos_payload req, resp;
        aos_payload_init(&req);
        if (aos_msg_recv(B, (void **)&req.buf, &req.len, &req.cap) < 0) return (void *)1;
        uint64_t x = 0;
        aos_get_u64(&req, &x);
        aos_payload_init(&resp);
        aos_put_u64(&resp, x * 2 + 1);
        aos_msg_send(B, resp.buf, resp.len, 0);
        aos_payload_free(&req);
        aos_payload_free(&resp);
    }
    return NULL;
}

static struct aos_rpc shared_rpc;
static int rpc_errors;
static void *rpc_client(void *arg)
{
    uint64_t base = (uint64_t)(long)arg * 1000000;
    for (uint64_t i = 0; i < 300; i++) {
        struct aos_payload req, resp;
        aos_payload_init(&req);
        aos_put_u64(&req, base + i);
        uint64_t r = 0;
        if (aos_rpc_call(&shared_rpc, &req, &resp) < 0 || aos_get_u64(&resp, &r) < 0 || r != (base + i) * 2 + 1)
            __atomic_fetch_add(&rpc_errors, 1, __ATOMIC_RELAXED);
        aos_payload_free(&req);
        aos_payload_free(&resp);
    }
    return NULL;
}

int main(void)
{
    int cores, pid;
    int core = aos_core_id(&cores, &pid);
    CHECK(core >= 0 && cores >= 1 && pid == getpid(), "core %d of %d, pid %d", core, cores, pid);
    home_core = core;
    CHECK(aos_pin_to_core(core) == 0, "pinned to core %d", core);
    CHECK(aos_chan_pair(&A, &B) == 0 && A > 0 && B > 0, "channel pair %d, %d", A, B);
    CHECK(aos_chan_transport(A, NULL, NULL) == AOS_LMP, "a same-core channel is LMP");

    // Fill the receive buffer without blocking: the sender sees the error.
    int sent = 0, e;
    uint64_t w[AOS_UNIT_WORDS] = { 0 };
    for (;;) {
        w[0] = sent;
        e = aos_chan_send(A, w, 1, 0, AOS_NONBLOCK);
        if (e < 0) break;
        sent++;
    }
    CHECK(e == AOS_ERR_FULL && sent == 16, "full buffer after %d sends: %d", sent, e);
    int order_ok = 1;
    for (int i = 0; i < sent; i++) order_ok &= aos_chan_recv(B, w, NULL, 0) == 1 && w[0] == (uint64_t)i;
    CHECK(order_ok, "units arrive in order");
    CHECK(aos_chan_recv(B, w, NULL, AOS_NONBLOCK) == AOS_ERR_EMPTY, "non-blocking receive of an empty buffer");
    uint64_t too_many[8] = { 0 };
    CHECK(aos_chan_send(A, too_many, 8, 0, 0) == AOS_ERR_INVALID, "8 words do not fit a unit");

    // Ping-pong between two threads of the process.
    const long rounds = 20000;
    pthread_t t;
    pthread_create(&t, NULL, echo_units, (void *)rounds);
    double t0 = ft_now();
    int pp_ok = 1;
    for (long i = 0; i < rounds; i++) {
        uint64_t u[AOS_UNIT_WORDS] = { (uint64_t)i, 1, 2, 3, 4, 5, 6 };
        if (aos_chan_send(A, u, 7, 0, 0) < 0 || aos_chan_recv(A, u, NULL, 0) != 7 || u[0] != (uint64_t)i + 1 || u[6] != 6) { pp_ok = 0; break; }
    }
    double dt = ft_now() - t0;
    void *ret;
    pthread_join(t, &ret);
    CHECK(pp_ok && ret == NULL, "%ld LMP ping-pongs between threads: %.0f ns per round trip", rounds, dt / rounds * 1e9);

    // Messages of any length: inline units and frames.
    pthread_create(&t, NULL, echo_messages, (void *)4);
    size_t sizes[] = { 5, 200, 4096, 4 << 20 };
    for (int s = 0; s < 4; s++) {
        size_t n = sizes[s];
        uint8_t *buf = malloc(n);
        for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)(i * 7 + s);
        t0 = ft_now();
        void *back; size_t blen;
        int ok = aos_msg_send(A, buf, n, 0) == 0 && aos_msg_recv(A, &back, &blen, NULL) == 0;
        dt = ft_now() - t0;
        CHECK(ok && blen == n && memcmp(back, buf, n) == 0, "a %zu-byte message round trip (%.1f MB/s)", n, 2.0 * n / dt / 1e6);
        if (ok) free(back);
        free(buf);
    }
    pthread_join(t, &ret);

    // Capability transfer: a frame with a pattern goes to the other end, is mapped there, then revoked.
    capref_t frame;
    CHECK(aos_frame_alloc(8192, &frame) == 0, "frame allocated");
    size_t fsize = 0;
    uint32_t *mine = aos_frame_map(frame, &fsize);
    CHECK(mine != NULL && fsize == 8192, "frame mapped at %p", (void *)mine);
    for (int i = 0; i < 2048; i++) mine[i] = 0xC0DE0000u + i;
    uint64_t hello[1] = { 42 };
    CHECK(aos_chan_send(A, hello, 1, frame, 0) == 0, "frame capability sent");
    capref_t got = 0;
    CHECK(aos_chan_recv(B, w, &got, 0) == 1 && w[0] == 42 && got > 0 && got != frame, "capability received as handle %d", got);
    uint64_t base1, base2, size2;
    CHECK(aos_cap_identify(frame, &base1, NULL) == AOS_CAP_FRAME && aos_cap_identify(got, &base2, &size2) == AOS_CAP_FRAME
          && base1 == base2 && size2 == 8192, "both name the same frame");
    uint32_t *theirs = aos_frame_map(got, NULL);
    int same = theirs != NULL;
    for (int i = 0; same && i < 2048; i++) same = theirs[i] == 0xC0DE0000u + i;
    CHECK(same, "the receiver reads the sender's data through its own mapping");
    CHECK(aos_cap_revoke(frame) == 0, "revoke");
    CHECK(aos_cap_identify(got, NULL, NULL) == AOS_ERR_CAP, "the received copy is gone after revoke");
    CHECK(aos_cap_identify(frame, NULL, NULL) == AOS_CAP_FRAME, "the revoking copy stays");
    CHECK(aos_cap_delete(frame) == 0 && aos_cap_identify(frame, NULL, NULL) == AOS_ERR_HANDLE, "delete");

    capref_t ram;
    size_t rbytes;
    uint64_t rbase, rsize;
    CHECK(aos_rpc_get_ram_cap(NULL, 65536, 4096, &ram, &rbytes) == 0 && aos_cap_identify(ram, &rbase, &rsize) == AOS_CAP_RAM
          && rsize == 65536 && rbytes == 65536, "RAM capability of 64 KiB at 0x%llx", (unsigned long long)rbase);

    // Concurrent RPC: four threads share one channel.
    aos_rpc_init(&shared_rpc, A);
    pthread_create(&t, NULL, rpc_server, (void *)(4 * 300));
    pthread_t c[4];
    for (long i = 0; i < 4; i++) pthread_create(&c[i], NULL, rpc_client, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(c[i], NULL);
    pthread_join(t, &ret);
    CHECK(rpc_errors == 0 && ret == NULL, "4 threads x 300 RPCs on one channel, every answer matched (%d errors)", rpc_errors);

    CHECK(aos_chan_close(B) == 0, "close one end");
    CHECK(aos_chan_send(A, w, 1, 0, 0) == AOS_ERR_CLOSED, "the other end sees it closed");
    return ft_done();
}
