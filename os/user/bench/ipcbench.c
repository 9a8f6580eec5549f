/* ipcbench: native IPC benchmarks measured from a guest program (Fast only: it uses the native API
 * of os/user/lib). Each benchmark repeats its operation, doubling the count until a round takes at
 * least MIN_SECONDS of CLOCK_MONOTONIC time, and prints "NAME  NS ns/op  (N ops)" (the format of
 * kbench), plus "NAME  X MB/s" for the bulk ones.
 *   lmp_call_rtt   round trip of a 7-word unit between two threads on one core, aos_chan_call on both sides
 *   lmp_rtt        the same with separate aos_chan_send and aos_chan_recv
 *   ump_call_rtt   round trip of a 7-word unit between threads on core 0 and core 1 (UMP), aos_chan_call
 *   ump_rtt        the same with separate send and receive
 *   rpc_64k_lmp    a 64 KiB request and a one-unit answer through aos_msg_send/recv, one core
 *   rpc_1m_lmp     the same with 1 MiB
 *   rpc_1m_ump     1 MiB across cores
 *   ns_rpc_lmp     an 8-byte nameservice_rpc to a service served by nameservice_serve on the same core
 *   ns_rpc_ump     the same, the server thread on core 1
 * Usage: ipcbench [NAME...] (default: all). */
#define _GNU_SOURCE
#include <aos/aos.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double min_seconds = 0.3;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double measure(double (*op)(long n), long *ops)
{
    // Warm up first (the emulator compiles the guest's hot code and its own kernel paths).
    for (double spent = 0; spent < 0.5;) spent += op(1000);
    long n = 1;
    for (;;) {
        double t = op(n);
        if (t >= min_seconds || n >= (1L << 30)) { *ops = n; return t / n; }
        long next = t <= 0 ? n * 16 : (long)(n * (min_seconds * 1.2 / t));
        n = next > n * 16 ? n * 16 : next > n ? next : n * 2;
    }
}

#define STOP (~0ULL)
static aos_chan_t A, B;
static int use_call;
static int echo_core;

/* The echo side: answers every unit with its first word plus one, until STOP. */
static void *echo_units(void *arg)
{
    (void)arg;
    aos_pin_to_core(echo_core);
    uint64_t w[AOS_UNIT_WORDS];
    int n = aos_chan_recv(B, w, NULL, 0);
    while (n >= 0 && w[0] != STOP) {
        w[0]++;
        if (use_call) n = aos_chan_call(B, w, n, 0, w, NULL);
        else {
            if (aos_chan_send(B, w, n, 0, 0) < 0) break;
            n = aos_chan_recv(B, w, NULL, 0);
        }
    }
    return NULL;
}

static double op_units(long n)
{
    uint64_t w[AOS_UNIT_WORDS] = { 0, 1, 2, 3, 4, 5, 6 };
    double t0 = now();
    for (long i = 0; i < n; i++) {
        w[0] = (uint64_t)i;
        int got = use_call ? aos_chan_call(A, w, 7, 0, w, NULL)
                           : (aos_chan_send(A, w, 7, 0, 0) < 0 ? -1 : aos_chan_recv(A, w, NULL, 0));
        if (got != 7 || w[0] != (uint64_t)i + 1 || w[6] != 6) { fprintf(stderr, "bad answer at %ld: %d\n", i, got); exit(1); }
    }
    return now() - t0;
}

static size_t bulk_size;
static char *bulk;

/* The bulk server: receives a message, answers with its length and a checksum of its ends. */
static void *echo_bulk(void *arg)
{
    (void)arg;
    aos_pin_to_core(echo_core);
    for (;;) {
        void *d; size_t len;
        if (aos_msg_recv(B, &d, &len, NULL) < 0) return NULL;
        unsigned char *p = d;
        uint64_t ack[2] = { len, len ? (uint64_t)p[0] + p[len - 1] : 0 };
        free(d);
        if (len == 0) return NULL;
        if (aos_msg_send(B, ack, sizeof ack, 0) < 0) return NULL;
    }
}

static double op_bulk(long n)
{
    double t0 = now();
    for (long i = 0; i < n; i++) {
        bulk[0] = (char)i;
        if (aos_msg_send(A, bulk, bulk_size, 0) < 0) { fprintf(stderr, "send failed\n"); exit(1); }
        void *d; size_t len;
        if (aos_msg_recv(A, &d, &len, NULL) < 0 || len != 16) { fprintf(stderr, "no answer\n"); exit(1); }
        uint64_t *ack = d;
        if (ack[0] != bulk_size || ack[1] != (uint64_t)(unsigned char)bulk[0] + (unsigned char)bulk[bulk_size - 1]) { fprintf(stderr, "bad answer\n"); exit(1); }
        free(d);
    }
    return now() - t0;
}

static nameservice_chan_t ns_chan;
static char service[64];
static int setup(int ump);
static void teardown(void);
static void report(const char *name, double seconds_per_op, long ops);

static void echo_service(void *st, void *msg, size_t bytes, void **resp, size_t *resp_bytes, capref_t rx, capref_t *tx)
{
    (void)st; (void)rx; (void)tx;
    *resp = malloc(bytes ? bytes : 1);
    memcpy(*resp, msg, bytes);
    *resp_bytes = bytes;
    if (bytes == 1) nameservice_stop();
}

static void *ns_server(void *arg)
{
    (void)arg;
    aos_pin_to_core(echo_core);
    if (nameservice_register(service, echo_service, NULL) < 0) { printf("register failed\n"); exit(1); }
    nameservice_serve(60000);
    return NULL;
}

static double op_ns(long n)
{
    double t0 = now();
    for (long i = 0; i < n; i++) {
        uint64_t v = (uint64_t)i, r = 0;
        void *resp; size_t len;
        if (nameservice_rpc(ns_chan, &v, 8, &resp, &len, 0, NULL) < 0 || len != 8 || (memcpy(&r, resp, 8), r != v)) { fprintf(stderr, "bad rpc\n"); exit(1); }
        free(resp);
    }
    return now() - t0;
}

static void ns_rpc(const char *name, int ump)
{
    if (setup(ump) < 0) { printf("%-16s skipped (needs 2 cores)\n", name); return; }
    teardown();
    snprintf(service, sizeof service, "/bench/%s", name);
    pthread_t t;
    pthread_create(&t, NULL, ns_server, NULL);
    if (nameservice_lookup(service, &ns_chan) < 0) { printf("%-16s lookup failed\n", name); exit(1); }
    long ops;
    double s = measure(op_ns, &ops);
    nameservice_rpc(ns_chan, "x", 1, NULL, NULL, 0, NULL);
    pthread_join(t, NULL);
    nameservice_deregister(service);
    report(name, s, ops);
}

static int wanted(int argc, char **argv, const char *name)
{
    if (argc <= 1) return 1;
    for (int i = 1; i < argc; i++) if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

static void report(const char *name, double seconds_per_op, long ops)
{
    printf("%-16s %12.1f ns/op  (%ld ops)\n", name, seconds_per_op * 1e9, ops);
    fflush(stdout);
}

static int setup(int ump)
{
    int cores = 1;
    aos_core_id(&cores, NULL);
    if (ump && cores < 2) return -1;
    aos_pin_to_core(0);
    echo_core = ump ? 1 : 0;
    return ump ? aos_chan_pair_ump(&A, &B, 1) : aos_chan_pair(&A, &B);
}

static void teardown(void)
{
    aos_chan_close(A);
    aos_chan_close(B);
}

static void units(const char *name, int ump, int call)
{
    if (setup(ump) < 0) { printf("%-16s skipped (needs 2 cores)\n", name); return; }
    use_call = call;
    pthread_t t;
    pthread_create(&t, NULL, echo_units, NULL);
    long ops;
    double s = measure(op_units, &ops);
    uint64_t stop[1] = { STOP };
    aos_chan_send(A, stop, 1, 0, 0);
    pthread_join(t, NULL);
    teardown();
    report(name, s, ops);
}

static void bulk_rpc(const char *name, int ump, size_t size)
{
    if (setup(ump) < 0) { printf("%-16s skipped (needs 2 cores)\n", name); return; }
    bulk_size = size;
    bulk = malloc(size);
    for (size_t i = 0; i < size; i++) bulk[i] = (char)(i * 13);
    pthread_t t;
    pthread_create(&t, NULL, echo_bulk, NULL);
    long ops;
    double s = measure(op_bulk, &ops);
    aos_msg_send(A, "", 0, 0);
    pthread_join(t, NULL);
    teardown();
    free(bulk);
    report(name, s, ops);
    printf("%-16s %12.1f MB/s\n", name, size / s / 1e6);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (getenv("KBENCH_SECONDS")) min_seconds = atof(getenv("KBENCH_SECONDS"));
    if (wanted(argc, argv, "lmp_call_rtt")) units("lmp_call_rtt", 0, 1);
    if (wanted(argc, argv, "lmp_rtt")) units("lmp_rtt", 0, 0);
    if (wanted(argc, argv, "ump_call_rtt")) units("ump_call_rtt", 1, 1);
    if (wanted(argc, argv, "ump_rtt")) units("ump_rtt", 1, 0);
    if (wanted(argc, argv, "rpc_64k_lmp")) bulk_rpc("rpc_64k_lmp", 0, 64 << 10);
    if (wanted(argc, argv, "rpc_1m_lmp")) bulk_rpc("rpc_1m_lmp", 0, 1 << 20);
    if (wanted(argc, argv, "rpc_1m_ump")) bulk_rpc("rpc_1m_ump", 1, 1 << 20);
    if (wanted(argc, argv, "ns_rpc_lmp")) ns_rpc("ns_rpc_lmp", 0);
    if (wanted(argc, argv, "ns_rpc_ump")) ns_rpc("ns_rpc_ump", 1);
    return 0;
}
