// The native API's C library, part one: kernel calls, the message-passing layer (messages of any
// length over channel units, large ones in frames), RPC payloads and calls. The OS services'
// clients are in aos_services.c, the nameserver client and server loop in aos_nameservice.c.
// See include/aos/aos.h.
#include "aos_internal.h"

long aos_svc(long number, long r[9])
{
    register long x0 __asm__("x0") = r[0];
    register long x1 __asm__("x1") = r[1];
    register long x2 __asm__("x2") = r[2];
    register long x3 __asm__("x3") = r[3];
    register long x4 __asm__("x4") = r[4];
    register long x5 __asm__("x5") = r[5];
    register long x6 __asm__("x6") = r[6];
    register long x7 __asm__("x7") = r[7];
    register long x9 __asm__("x9") = r[8];
    register long x8 __asm__("x8") = number;
    // x8 is in-out: a call that restarts after blocking may come back with another number in it (ChanCall → ChanRecv).
    __asm__ volatile("svc 0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6), "+r"(x7), "+r"(x9), "+r"(x8)
                     : : "memory");
    r[0] = x0; r[1] = x1; r[2] = x2; r[3] = x3; r[4] = x4; r[5] = x5; r[6] = x6; r[7] = x7; r[8] = x9;
    return x0;
}

int aos_core_id(int *cores, int *pid)
{
    long c, p;
    long id = svc3(SVC_CORE, 0, 0, 0, &c, &p);
    if (cores) *cores = (int)c;
    if (pid) *pid = (int)p;
    return (int)id;
}

int aos_chan_pair(aos_chan_t *a, aos_chan_t *b)
{
    long x, y;
    long r = svc3(SVC_CHAN_PAIR, 0, 0, 0, &x, &y);
    *a = (int)x;
    *b = (int)y;
    return (int)r;
}

// The channel calls, the hottest ones, bind their values straight to the registers the kernel
// reads and writes (x0 the handle, x1 count | flags | capability, x2..x7 and x9 the words) instead
// of going through aos_svc's array: fewer guest instructions around every send and receive.
static inline long chan_svc(long number, long handle, long *x1io, uint64_t v[AOS_UNIT_WORDS])
{
    register long x0 __asm__("x0") = handle;
    register long x1 __asm__("x1") = *x1io;
    register uint64_t x2 __asm__("x2") = v[0], x3 __asm__("x3") = v[1], x4 __asm__("x4") = v[2];
    register uint64_t x5 __asm__("x5") = v[3], x6 __asm__("x6") = v[4], x7 __asm__("x7") = v[5];
    register uint64_t x9 __asm__("x9") = v[6];
    register long x8 __asm__("x8") = number;   // in-out, as in aos_svc (ChanCall restarts as ChanRecv)
    __asm__ volatile("svc 0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6), "+r"(x7), "+r"(x9), "+r"(x8)
                     : : "memory");
    *x1io = x1;
    v[0] = x2; v[1] = x3; v[2] = x4; v[3] = x5; v[4] = x6; v[5] = x7; v[6] = x9;
    return x0;
}

int aos_chan_send(aos_chan_t ch, const uint64_t *w, int n, capref_t cap, int flags)
{
    if (n < 0 || n > AOS_UNIT_WORDS) return AOS_ERR_INVALID;
    uint64_t v[AOS_UNIT_WORDS] = { 0 };
    for (int i = 0; i < n; i++) v[i] = w[i];   // words 0..5 in x2..x7, word 6 in x9
    long x1 = (long)n | ((flags & AOS_NONBLOCK) ? 0x100 : 0) | ((long)cap << 32);
    return (int)chan_svc(SVC_SEND, ch, &x1, v);
}

int aos_chan_recv(aos_chan_t ch, uint64_t w[AOS_UNIT_WORDS], capref_t *cap, int flags)
{
    uint64_t v[AOS_UNIT_WORDS] = { 0 };
    long x1 = (flags & AOS_NONBLOCK) ? 1 : 0;
    long n = chan_svc(SVC_RECV, ch, &x1, v);
    if (n < 0) return (int)n;
    for (int i = 0; i < AOS_UNIT_WORDS; i++) w[i] = v[i];
    if (cap) *cap = (capref_t)x1;
    else if (x1) aos_cap_delete((capref_t)x1);
    return (int)n;
}

int aos_chan_call(aos_chan_t ch, const uint64_t *w, int n, capref_t cap, uint64_t reply[AOS_UNIT_WORDS], capref_t *reply_cap)
{
    if (n < 0 || n > AOS_UNIT_WORDS) return AOS_ERR_INVALID;
    uint64_t v[AOS_UNIT_WORDS] = { 0 };
    for (int i = 0; i < n; i++) v[i] = w[i];
    long x1 = (long)n | ((long)cap << 32);
    long got = chan_svc(SVC_CALL, ch, &x1, v);
    if (got < 0) return (int)got;
    for (int i = 0; i < AOS_UNIT_WORDS; i++) reply[i] = v[i];
    if (reply_cap) *reply_cap = (capref_t)x1;
    else if (x1) aos_cap_delete((capref_t)x1);
    return (int)got;
}

int aos_chan_pair_ump(aos_chan_t *a, aos_chan_t *b, int core_b)
{
    long x, y;
    long r = svc3(SVC_CHAN_PAIR, 1, core_b, 0, &x, &y);
    if (r < 0) return (int)r;
    *a = (int)x;
    *b = (int)y;
    return 0;
}

int aos_pin_to_core(int core)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    return sched_setaffinity(0, sizeof set, &set);
}

int aos_chan_close(aos_chan_t ch) { return (int)svc3(SVC_CLOSE, ch, 0, 0, 0, 0); }

int aos_chan_transport(aos_chan_t ch, int *peer_core, int *peer_pid)
{
    long c, p;
    long t = svc3(SVC_INFO, ch, 0, 0, &c, &p);
    if (peer_core) *peer_core = (int)c;
    if (peer_pid) *peer_pid = (int)p;
    return (int)t;
}

int aos_wait_any(const int *handles, int n, long timeout_ms) { return (int)svc3(SVC_WAIT_ANY, (long)handles, n, timeout_ms, 0, 0); }

int aos_ram_alloc(size_t size, capref_t *cap, uint64_t *base)
{
    long b;
    long h = svc3(SVC_RAM, (long)size, 0, 0, &b, 0);
    if (h < 0) return (int)h;
    *cap = (capref_t)h;
    if (base) *base = (uint64_t)b;
    return 0;
}

int aos_frame_alloc(size_t size, capref_t *cap)
{
    long h = svc3(SVC_FRAME, (long)size, 0, 0, 0, 0);
    if (h < 0) return (int)h;
    *cap = (capref_t)h;
    return 0;
}

void *aos_frame_map(capref_t frame, size_t *size)
{
    long s;
    long va = svc3(SVC_MAP, frame, 0, 0, &s, 0);
    if (va < 0) return NULL;
    if (size) *size = (size_t)s;
    return (void *)va;
}

int aos_cap_delete(capref_t cap) { return (int)svc3(SVC_DELETE, cap, 0, 0, 0, 0); }
int aos_cap_revoke(capref_t cap) { return (int)svc3(SVC_REVOKE, cap, 0, 0, 0, 0); }
int aos_cap_copy(capref_t cap) { return (int)svc3(SVC_COPY, cap, 0, 0, 0, 0); }

int aos_cap_identify(capref_t cap, uint64_t *base, uint64_t *size)
{
    long b, s;
    long t = svc3(SVC_IDENTIFY, cap, 0, 0, &b, &s);
    if (t >= 0) { if (base) *base = (uint64_t)b; if (size) *size = (uint64_t)s; }
    return (int)t;
}

int aos_spawn(const char *path, char *const argv[], int core) { return (int)svc3(SVC_SPAWN, (long)path, (long)argv, core, 0, 0); }

// ---- messages ----
// Unit 0: w0 = 0xA05 << 52 | flags << 48 | length; inline bytes in w1..w6 (48 bytes); the user's
// capability rides on unit 0. Then continuation units of 56 bytes. A payload longer than
// AOS_FRAME_THRESHOLD is copied by the kernel (ChanSendBulk: a host buffer rides on unit 0, w1 =
// length, and the receiver copies it out with BulkRead); one longer than the kernel's bulk limit
// goes in a fresh frame whose capability rides on unit 0. In both cases the user's capability
// follows in a unit of its own. The receiver deletes its frame copy after copying out; the kernel
// returns the RAM when the last copy of the frame goes.
#define MSG_MAGIC (0xA05ULL << 52)
#define MSG_FRAME (1ULL << 48)
#define MSG_CAPUNIT (2ULL << 48)
#define MSG_BULK (4ULL << 48)

static int send_blocking(aos_chan_t ch, const uint64_t *w, int n, capref_t cap) { return aos_chan_send(ch, w, n, cap, 0); }

int aos_msg_send(aos_chan_t ch, const void *data, size_t len, capref_t cap)
{
    uint64_t w[AOS_UNIT_WORDS] = { 0 };
    const uint8_t *p = data;
    if (len > AOS_FRAME_THRESHOLD) {
        long r[9] = { ch, (long)(MSG_MAGIC | MSG_BULK | (cap ? MSG_CAPUNIT : 0) | len), (long)data, (long)len, 0 };
        int e = (int)aos_svc(SVC_SEND_BULK, r);
        if (e != AOS_ERR_INVALID) {
            if (e < 0) return e;
            if (cap) return send_blocking(ch, w, 0, cap);
            return 0;
        }
    }
    if (len > AOS_FRAME_THRESHOLD) {
        capref_t frame = 0;
        int e = aos_frame_alloc(len, &frame);
        if (e < 0) return e;
        void *m = aos_frame_map(frame, NULL);
        if (!m) { aos_cap_delete(frame); return AOS_ERR_CAP; }
        memcpy(m, data, len);
        w[0] = MSG_MAGIC | MSG_FRAME | (cap ? MSG_CAPUNIT : 0) | len;
        w[1] = len;
        e = send_blocking(ch, w, 2, frame);
        aos_cap_delete(frame);   // ours goes (and its mapping); the receiver's copy keeps the frame alive
        if (e < 0) return e;
        if (cap) return send_blocking(ch, w, 0, cap);
        return 0;
    }
    w[0] = MSG_MAGIC | len;
    size_t first = len < 48 ? len : 48;
    memcpy(&w[1], p, first);
    int e = send_blocking(ch, w, 1 + (int)((first + 7) / 8), cap);
    if (e < 0) return e;
    for (size_t off = first; off < len; off += 56) {
        size_t n = len - off < 56 ? len - off : 56;
        memset(w, 0, sizeof w);
        memcpy(w, p + off, n);
        e = send_blocking(ch, w, (int)((n + 7) / 8), 0);
        if (e < 0) return e;
    }
    return 0;
}

int aos_msg_recv(aos_chan_t ch, void **data, size_t *len, capref_t *cap)
{
    uint64_t w[AOS_UNIT_WORDS];
    capref_t c = 0;
    int n = aos_chan_recv(ch, w, &c, 0);
    if (n < 0) return n;
    if ((w[0] >> 52) != 0xA05) { if (c) aos_cap_delete(c); return AOS_ERR_PROTOCOL; }
    size_t total = w[0] & ((1ULL << 48) - 1);
    uint8_t *buf = malloc(total ? total : 1);
    if (!buf) return AOS_ERR_NOMEM;
    if (w[0] & MSG_BULK) {
        long r[9] = { c, (long)buf, (long)total };
        long got = aos_svc(SVC_BULK_READ, r);
        c = 0;
        if (got != (long)total) { free(buf); return got < 0 ? (int)got : AOS_ERR_PROTOCOL; }
        if (w[0] & MSG_CAPUNIT) {
            uint64_t x[AOS_UNIT_WORDS];
            int e = aos_chan_recv(ch, x, &c, 0);
            if (e < 0) { free(buf); return e; }
        }
    } else if (w[0] & MSG_FRAME) {
        size_t size;
        void *m = aos_frame_map(c, &size);
        if (!m || size < total) { free(buf); aos_cap_delete(c); return AOS_ERR_CAP; }
        memcpy(buf, m, total);
        aos_cap_delete(c);
        c = 0;
        if (w[0] & MSG_CAPUNIT) {
            uint64_t x[AOS_UNIT_WORDS];
            int e = aos_chan_recv(ch, x, &c, 0);
            if (e < 0) { free(buf); return e; }
        }
    } else {
        size_t first = total < 48 ? total : 48;
        memcpy(buf, &w[1], first);
        for (size_t off = first; off < total; off += 56) {
            int e = aos_chan_recv(ch, w, NULL, 0);
            if (e < 0) { free(buf); return e; }
            memcpy(buf + off, w, total - off < 56 ? total - off : 56);
        }
    }
    *data = buf;
    *len = total;
    if (cap) *cap = c;
    else if (c) aos_cap_delete(c);
    return 0;
}

// ---- payloads ----
enum { TAG_U64 = 1, TAG_STR = 2, TAG_BYTES = 3, TAG_CAP = 4 };

void aos_payload_init(struct aos_payload *p) { memset(p, 0, sizeof *p); }
void aos_payload_free(struct aos_payload *p) { free(p->buf); memset(p, 0, sizeof *p); }

static void put(struct aos_payload *p, const void *b, size_t n)
{
    if (p->len + n > p->size) {
        size_t s = p->size ? p->size : 64;
        while (s < p->len + n) s *= 2;
        p->buf = realloc(p->buf, s);
        p->size = s;
    }
    memcpy(p->buf + p->len, b, n);
    p->len += n;
}

void aos_put_u64(struct aos_payload *p, uint64_t v) { uint8_t t = TAG_U64; put(p, &t, 1); put(p, &v, 8); }
void aos_put_bytes(struct aos_payload *p, const void *b, size_t n)
{
    uint8_t t = TAG_BYTES;
    uint64_t l = n;
    put(p, &t, 1); put(p, &l, 8); put(p, b, n);
}
void aos_put_str(struct aos_payload *p, const char *s)
{
    uint8_t t = TAG_STR;
    uint64_t l = strlen(s) + 1;
    put(p, &t, 1); put(p, &l, 8); put(p, s, l);
}
void aos_put_cap(struct aos_payload *p, capref_t cap) { uint8_t t = TAG_CAP; put(p, &t, 1); p->cap = cap; }

static int take(struct aos_payload *p, uint8_t tag, uint64_t *v)
{
    if (p->rd + 1 > p->len || p->buf[p->rd] != tag) return AOS_ERR_PROTOCOL;
    if (tag == TAG_CAP) { p->rd++; return 0; }
    if (p->rd + 9 > p->len) return AOS_ERR_PROTOCOL;
    memcpy(v, p->buf + p->rd + 1, 8);
    p->rd += 9;
    return 0;
}
int aos_get_u64(struct aos_payload *p, uint64_t *v) { return take(p, TAG_U64, v); }
int aos_get_bytes(struct aos_payload *p, const void **b, size_t *n)
{
    uint64_t l;
    if (take(p, TAG_BYTES, &l) < 0 || p->rd + l > p->len) return AOS_ERR_PROTOCOL;
    *b = p->buf + p->rd; *n = l; p->rd += l;
    return 0;
}
int aos_get_str(struct aos_payload *p, const char **s)
{
    uint64_t l;
    if (take(p, TAG_STR, &l) < 0 || p->rd + l > p->len || l == 0 || p->buf[p->rd + l - 1]) return AOS_ERR_PROTOCOL;
    *s = (const char *)p->buf + p->rd; p->rd += l;
    return 0;
}
int aos_get_cap(struct aos_payload *p, capref_t *cap)
{
    uint64_t unused;
    if (take(p, TAG_CAP, &unused) < 0) return AOS_ERR_PROTOCOL;
    *cap = p->cap;
    p->cap = 0;
    return 0;
}

// ---- RPC ----
void aos_rpc_init(struct aos_rpc *rpc, aos_chan_t chan) { rpc->chan = chan; pthread_mutex_init(&rpc->lock, NULL); }

int aos_rpc_call(struct aos_rpc *rpc, struct aos_payload *req, struct aos_payload *resp)
{
    // One call at a time per channel: a request and its response never interleave with another thread's.
    pthread_mutex_lock(&rpc->lock);
    int e = aos_msg_send(rpc->chan, req->buf, req->len, req->cap);
    void *data = NULL;
    size_t len = 0;
    capref_t cap = 0;
    if (e == 0) e = aos_msg_recv(rpc->chan, &data, &len, &cap);
    pthread_mutex_unlock(&rpc->lock);
    if (e < 0) return e;
    aos_payload_init(resp);
    resp->buf = data; resp->len = resp->size = len; resp->cap = cap;
    return 0;
}

enum { OP_NUMBER = 1, OP_STRING = 2 };

static int simple_call(struct aos_rpc *rpc, struct aos_payload *req)
{
    struct aos_payload resp;
    int e = aos_rpc_call(rpc, req, &resp);
    aos_payload_free(req);
    if (e < 0) return e;
    uint64_t status = 1;
    e = aos_get_u64(&resp, &status);
    aos_payload_free(&resp);
    return e < 0 ? e : (int)(int64_t)status;
}

int aos_rpc_send_number(struct aos_rpc *rpc, uint64_t n)
{
    struct aos_payload req;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_NUMBER);
    aos_put_u64(&req, n);
    return simple_call(rpc, &req);
}

int aos_rpc_send_string(struct aos_rpc *rpc, const char *s)
{
    struct aos_payload req;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_STRING);
    aos_put_str(&req, s);
    return simple_call(rpc, &req);
}
