// The multikernel from a guest: a server on core 0 offering two services (/mc/echo, /mc/sum)
// spawns a client on every core (spawn on another core); each client looks the services up in
// its own core's nameserver replica (UMP across cores, LMP on the same one), registers a name
// of its own that the server finds on core 0, does ping-pong and large-message RPCs, sends a
// frame capability across cores (relayed by the kernels into the server core's capability
// database), revokes it while the server still holds it — the server's copy goes by a message to
// its core's kernel — and runs RPCs from four threads at once. After a client
// exits, its name disappears from the server's replica.
#include "ftest.h"
#include <aos/aos.h>
#include <pthread.h>
#include <sys/wait.h>

enum { OP_ECHO = 10, OP_SUM_FRAME = 11, OP_DONE = 12, OP_CORE = 13, OP_KEEP_FRAME = 14, OP_CHECK_KEPT = 15 };
static int done_clients, expected_clients, server_core;
static int seen_core[64];
static capref_t kept[64];   // per client core: a frame the server holds until the client revokes it

static void reply_u64(void **resp, size_t *len, uint64_t v)
{
    struct aos_payload p;
    aos_payload_init(&p);
    aos_put_u64(&p, v);
    *resp = p.buf;
    *len = p.len;
}

static void echo_handler(void *st, void *msg, size_t bytes, void **resp, size_t *resp_bytes, capref_t rx, capref_t *tx)
{
    (void)st; (void)tx;
    *resp = malloc(bytes ? bytes : 1);
    memcpy(*resp, msg, bytes);
    *resp_bytes = bytes;
    if (rx) aos_cap_delete(rx);
}

static void sum_handler(void *st, void *msg, size_t bytes, void **resp, size_t *resp_bytes, capref_t rx, capref_t *tx)
{
    (void)st; (void)tx;
    struct aos_payload p = { .buf = msg, .len = bytes, .size = bytes, .cap = rx };
    uint64_t op = 0, arg = 0;
    aos_get_u64(&p, &op);
    aos_get_u64(&p, &arg);
    if (op == OP_SUM_FRAME || (op == OP_KEEP_FRAME && arg < 64)) {
        capref_t frame = 0;
        aos_get_cap(&p, &frame);
        size_t size = 0;
        uint64_t *m = frame ? aos_frame_map(frame, &size) : NULL;
        uint64_t sum = 0;
        for (size_t i = 0; m && i < size / 8; i++) sum += m[i];
        if (op == OP_KEEP_FRAME) kept[arg] = frame;   // not deleted: the client's revoke must reach it
        else aos_cap_delete(frame);
        reply_u64(resp, resp_bytes, m ? sum : (uint64_t)-1);
    } else if (op == OP_CHECK_KEPT && arg < 64) {
        // The client revoked the frame: our copy (on this core's kernel) must be gone.
        uint64_t base, size;
        int gone = kept[arg] && aos_cap_identify(kept[arg], &base, &size) < 0;
        if (kept[arg]) aos_cap_delete(kept[arg]);
        kept[arg] = 0;
        reply_u64(resp, resp_bytes, gone ? 0 : 1);
    } else if (op == OP_DONE) {
        // arg: the client's core. Its own name must be visible on this core's replica.
        char name[64];
        snprintf(name, sizeof name, "/mc/client/%d", (int)arg);
        nameservice_chan_t ch;
        int found = nameservice_lookup(name, &ch) == 0;
        REQUIRE(found, "server on core %d finds %s", server_core, name);
        if (found) aos_chan_close(ch->chan);
        if (arg < 64) seen_core[arg] = 1;
        reply_u64(resp, resp_bytes, found ? 0 : 1);
        if (++done_clients == expected_clients) nameservice_stop();
    } else reply_u64(resp, resp_bytes, 0);
}

static void client_handler(void *st, void *msg, size_t bytes, void **resp, size_t *resp_bytes, capref_t rx, capref_t *tx)
{
    echo_handler(st, msg, bytes, resp, resp_bytes, rx, tx);
}

static nameservice_chan_t echo_ch;
static int thread_errors;
static void *threaded_echo(void *arg)
{
    for (uint64_t i = 0; i < 200; i++) {
        struct aos_payload req, resp;
        aos_payload_init(&req);
        aos_put_u64(&req, (uint64_t)(long)arg << 32 | i);
        aos_put_str(&req, "threads");
        uint64_t v = 0;
        const char *s = NULL;
        if (aos_rpc_call(echo_ch, &req, &resp) < 0 || aos_get_u64(&resp, &v) < 0 || aos_get_str(&resp, &s) < 0
            || v != ((uint64_t)(long)arg << 32 | i) || strcmp(s, "threads"))
            __atomic_fetch_add(&thread_errors, 1, __ATOMIC_RELAXED);
        aos_payload_free(&req);
        aos_payload_free(&resp);
    }
    return NULL;
}

static int client(void)
{
    int cores;
    int core = aos_core_id(&cores, NULL);
    char myname[64];
    snprintf(myname, sizeof myname, "/mc/client/%d", core);
    CHECK(nameservice_register(myname, client_handler, NULL) == 0, "client on core %d registered %s", core, myname);

    nameservice_chan_t sum;
    CHECK(nameservice_lookup("/mc/echo", &echo_ch) == 0 && nameservice_lookup("/mc/sum", &sum) == 0, "lookup on core %d", core);
    int peer_core = -1;
    int transport = aos_chan_transport(echo_ch->chan, &peer_core, NULL);
    CHECK(transport == (peer_core == core ? AOS_LMP : AOS_UMP), "core %d -> core %d is %s", core, peer_core,
          transport == AOS_LMP ? "LMP" : "UMP");

    size_t n = 0;
    char **names = NULL;
    CHECK(nameservice_enumerate("/mc", &n, &names) == 0 && n >= 3, "enumerate /mc on core %d: %zu names", core, n);
    int has_echo = 0, has_sum = 0;
    for (size_t i = 0; i < n; i++) { has_echo |= !strcmp(names[i], "/mc/echo"); has_sum |= !strcmp(names[i], "/mc/sum"); free(names[i]); }
    free(names);
    CHECK(has_echo && has_sum, "both services listed");

    // Ping-pong RPCs.
    const int rounds = 2000;
    double t0 = ft_now();
    int ok = 1;
    for (int i = 0; i < rounds && ok; i++) {
        uint64_t v = (uint64_t)i * 3 + core, r = 0;
        void *resp; size_t rl;
        ok = nameservice_rpc(echo_ch, &v, 8, &resp, &rl, 0, NULL) == 0 && rl == 8 && (memcpy(&r, resp, 8), r == v);
        if (ok) free(resp);
    }
    double dt = ft_now() - t0;
    CHECK(ok, "%d %s ping-pong RPCs core %d <-> core %d: %.1f us each", rounds, transport == AOS_LMP ? "LMP" : "UMP", core,
          peer_core, dt / rounds * 1e6);

    // A large-message RPC.
    size_t big = 2 << 20;
    uint8_t *buf = malloc(big);
    for (size_t i = 0; i < big; i++) buf[i] = (uint8_t)(i * 13 + core);
    void *resp; size_t rl;
    t0 = ft_now();
    ok = nameservice_rpc(echo_ch, buf, big, &resp, &rl, 0, NULL) == 0;
    dt = ft_now() - t0;
    CHECK(ok && rl == big && memcmp(resp, buf, big) == 0, "2 MiB echo RPC across cores %d -> %d: %.1f MB/s", core, peer_core,
          2.0 * big / dt / 1e6);
    if (ok) free(resp);
    free(buf);

    // A frame capability to the other core's server, which sums it.
    capref_t frame;
    uint64_t *m = NULL;
    CHECK(aos_frame_alloc(16384, &frame) == 0 && (m = aos_frame_map(frame, NULL)) != NULL, "frame for transfer");
    uint64_t expect = 0;
    for (int i = 0; m && i < 2048; i++) { m[i] = (uint64_t)i * i + core; expect += m[i]; }
    struct aos_payload req, rsp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_SUM_FRAME);
    aos_put_u64(&req, 0);
    aos_put_cap(&req, frame);
    uint64_t sumv = 0;
    CHECK(aos_rpc_call(sum, &req, &rsp) == 0 && aos_get_u64(&rsp, &sumv) == 0 && sumv == expect,
          "the server summed our frame through its own mapping: %llu", (unsigned long long)sumv);
    aos_payload_free(&req);
    aos_payload_free(&rsp);
    // Again, but the server keeps its copy; our revoke must delete it on the server's core.
    aos_payload_init(&req);
    aos_put_u64(&req, OP_KEEP_FRAME);
    aos_put_u64(&req, (uint64_t)core);
    aos_put_cap(&req, frame);
    sumv = 0;
    CHECK(aos_rpc_call(sum, &req, &rsp) == 0 && aos_get_u64(&rsp, &sumv) == 0 && sumv == expect, "the server keeps our frame");
    aos_payload_free(&req);
    aos_payload_free(&rsp);
    CHECK(aos_cap_revoke(frame) == 0, "revoke the frame (server on core %d, we on core %d)", peer_core, core);
    uint64_t fb, fs;
    CHECK(aos_cap_identify(frame, &fb, &fs) == AOS_CAP_FRAME, "our own copy survives the revoke");
    aos_payload_init(&req);
    aos_put_u64(&req, OP_CHECK_KEPT);
    aos_put_u64(&req, (uint64_t)core);
    uint64_t gone = 1;
    CHECK(aos_rpc_call(sum, &req, &rsp) == 0 && aos_get_u64(&rsp, &gone) == 0 && gone == 0,
          "the revoke deleted the server's copy on core %d", peer_core);
    aos_payload_free(&req);
    aos_payload_free(&rsp);
    CHECK(aos_cap_delete(frame) == 0, "delete the frame");

    // Four threads share the echo channel.
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, threaded_echo, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    CHECK(thread_errors == 0, "4 threads x 200 RPCs on one channel: %d errors", thread_errors);

    aos_payload_init(&req);
    aos_put_u64(&req, OP_DONE);
    aos_put_u64(&req, (uint64_t)core);
    uint64_t st = 1;
    CHECK(aos_rpc_call(sum, &req, &rsp) == 0 && aos_get_u64(&rsp, &st) == 0 && st == 0, "the server saw our name");
    return ft_done();
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "client")) return client();
    int cores;
    server_core = aos_core_id(&cores, NULL);
    CHECK(nameservice_register("/mc/echo", echo_handler, NULL) == 0, "register /mc/echo");
    CHECK(nameservice_register("/mc/sum", sum_handler, NULL) == 0, "register /mc/sum");
    CHECK(nameservice_register("/mc/echo", echo_handler, NULL) == AOS_ERR_EXISTS, "a name is taken once");
    CHECK(nameservice_register("bad", echo_handler, NULL) == AOS_ERR_INVALID, "names are absolute paths");

    char self[4096];
    ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
    if (l > 0) self[l] = 0; else snprintf(self, sizeof self, "%s", argv[0]);
    int pids[64];
    expected_clients = cores;
    for (int c = 0; c < cores; c++) {
        char *args[] = { self, "client", NULL };
        pids[c] = aos_spawn(self, args, c);
        CHECK(pids[c] > 0, "spawned a client on core %d: pid %d", c, pids[c]);
    }
    int r = nameservice_serve(60000);
    CHECK(r == 0 && done_clients == cores, "served %d clients", done_clients);
    for (int c = 0; c < cores; c++) CHECK(seen_core[c], "a client ran on core %d", c);
    for (int c = 0; c < cores; c++) {
        int status = -1;
        CHECK(waitpid(pids[c], &status, 0) == pids[c] && WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "client %d exited 0 (status 0x%x)", pids[c], status);
    }
    // The clients' names go with them, on this core's replica too.
    size_t n = 99;
    char **names = NULL;
    for (int tries = 0; tries < 100; tries++) {
        if (nameservice_enumerate("/mc/client", &n, &names) == 0 && n == 0) break;
        for (size_t i = 0; i < n; i++) free(names[i]);
        free(names);
        usleep(10000);
    }
    CHECK(n == 0, "the exited clients' names are gone");
    CHECK(nameservice_deregister("/mc/sum") == 0, "deregister");
    CHECK(nameservice_enumerate("/mc", &n, &names) == 0 && n == 1, "one name left");
    return ft_done();
}
