// The native API's C library, part two: clients of the OS services each core's kernel runs
// (memory server, process manager, serial server). See include/aos/aos.h.
#include "aos_internal.h"

// ---- the OS services ----
// Each core's kernel runs a memory server, a process manager and a serial server, named
// /core/N/mem, /core/N/proc and /core/N/serial in the nameserver; these calls reach them over
// ordinary channels and RPC payloads (rpc NULL: the service of the core the caller runs on).
enum { SVC_MEM, SVC_PROC, SVC_SERIAL };
enum { OP_RAM = 20, OP_SPAWN = 30, OP_LIST = 31, OP_NAME = 32, OP_KILL = 33, OP_WAIT = 34, OP_PUTCHAR = 40, OP_PUTSTR = 41, OP_GETCHAR = 42 };
static struct aos_rpc *sys_channels[3][64];
static pthread_mutex_t sys_lock = PTHREAD_MUTEX_INITIALIZER;

static struct aos_rpc *sys_channel(int which, int core)
{
    static const char *names[] = { "mem", "proc", "serial" };
    if (core < 0) core = aos_core_id(NULL, NULL);
    if (core < 0 || core >= 64) return NULL;
    pthread_mutex_lock(&sys_lock);
    struct aos_rpc *rpc = sys_channels[which][core];
    if (!rpc) {
        char name[32];
        snprintf(name, sizeof name, "/core/%d/%s", core, names[which]);
        if (nameservice_lookup(name, &rpc) == 0) sys_channels[which][core] = rpc;
    }
    pthread_mutex_unlock(&sys_lock);
    return rpc;
}

struct aos_rpc *aos_rpc_get_memory_channel(void) { return sys_channel(SVC_MEM, -1); }
struct aos_rpc *aos_rpc_get_process_channel(void) { return sys_channel(SVC_PROC, -1); }
struct aos_rpc *aos_rpc_get_serial_channel(void) { return sys_channel(SVC_SERIAL, -1); }
struct aos_rpc *aos_rpc_get_process_channel_of(int core) { return sys_channel(SVC_PROC, core); }

// Calls a service: the request is freed; on success *resp holds the reply after its status field.
static int sys_call(struct aos_rpc *rpc, int which, struct aos_payload *req, struct aos_payload *resp)
{
    if (!rpc) rpc = sys_channel(which, -1);
    if (!rpc) { aos_payload_free(req); return AOS_ERR_NOTFOUND; }
    int e = aos_rpc_call(rpc, req, resp);
    aos_payload_free(req);
    if (e < 0) return e;
    uint64_t status;
    if (aos_get_u64(resp, &status) < 0) { aos_payload_free(resp); return AOS_ERR_PROTOCOL; }
    if ((int64_t)status < 0) { if (resp->cap) aos_cap_delete(resp->cap); aos_payload_free(resp); return (int)(int64_t)status; }
    return 0;
}

int aos_rpc_get_ram_cap(struct aos_rpc *rpc, size_t bytes, size_t align, capref_t *ret_cap, size_t *ret_bytes)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_RAM);
    aos_put_u64(&req, bytes);
    aos_put_u64(&req, align);
    int e = sys_call(rpc, SVC_MEM, &req, &resp);
    if (e < 0) return e;
    uint64_t got = 0;
    e = aos_get_u64(&resp, &got) < 0 || aos_get_cap(&resp, ret_cap) < 0 ? AOS_ERR_PROTOCOL : 0;
    if (e == 0 && ret_bytes) *ret_bytes = got;
    aos_payload_free(&resp);
    return e;
}

int aos_rpc_process_spawn(struct aos_rpc *rpc, char *cmdline, int core, int *newpid)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_SPAWN);
    aos_put_str(&req, cmdline);
    aos_put_u64(&req, (uint64_t)(int64_t)core);
    int e = sys_call(rpc, SVC_PROC, &req, &resp);
    if (e < 0) return e;
    uint64_t pid = 0;
    e = aos_get_u64(&resp, &pid) < 0 ? AOS_ERR_PROTOCOL : 0;
    aos_payload_free(&resp);
    if (e == 0) *newpid = (int)pid;
    return e;
}

int aos_rpc_process_get_all_pids(struct aos_rpc *rpc, int **pids, size_t *count)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_LIST);
    int e = sys_call(rpc, SVC_PROC, &req, &resp);
    if (e < 0) return e;
    uint64_t n = 0;
    if (aos_get_u64(&resp, &n) < 0 || n > 1 << 20) { aos_payload_free(&resp); return AOS_ERR_PROTOCOL; }
    int *list = malloc((n ? n : 1) * sizeof *list);
    for (uint64_t i = 0; i < n; i++) {
        uint64_t pid = 0;
        if (aos_get_u64(&resp, &pid) < 0) { free(list); aos_payload_free(&resp); return AOS_ERR_PROTOCOL; }
        list[i] = (int)pid;
    }
    aos_payload_free(&resp);
    *pids = list;
    *count = n;
    return 0;
}

int aos_rpc_process_get_name(struct aos_rpc *rpc, int pid, char **name)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_NAME);
    aos_put_u64(&req, (uint64_t)pid);
    int e = sys_call(rpc, SVC_PROC, &req, &resp);
    if (e < 0) return e;
    const char *s;
    e = aos_get_str(&resp, &s) < 0 ? AOS_ERR_PROTOCOL : 0;
    if (e == 0) *name = strdup(s);
    aos_payload_free(&resp);
    return e;
}

static int proc_op(struct aos_rpc *rpc, int op, int pid, uint64_t *out)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, (uint64_t)op);
    aos_put_u64(&req, (uint64_t)pid);
    int e = sys_call(rpc, SVC_PROC, &req, &resp);
    if (e < 0) return e;
    if (out && aos_get_u64(&resp, out) < 0) e = AOS_ERR_PROTOCOL;
    aos_payload_free(&resp);
    return e;
}

int aos_rpc_process_kill(struct aos_rpc *rpc, int pid) { return proc_op(rpc, OP_KILL, pid, NULL); }

int aos_rpc_process_wait(struct aos_rpc *rpc, int pid, int *status)
{
    uint64_t s = 0;
    int e = proc_op(rpc, OP_WAIT, pid, &s);
    if (e == 0 && status) *status = (int)s;
    return e;
}

int aos_rpc_serial_putchar(struct aos_rpc *rpc, char c)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_PUTCHAR);
    aos_put_u64(&req, (unsigned char)c);
    int e = sys_call(rpc, SVC_SERIAL, &req, &resp);
    if (e == 0) aos_payload_free(&resp);
    return e;
}

int aos_rpc_serial_putstr(struct aos_rpc *rpc, const char *s)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_PUTSTR);
    aos_put_str(&req, s);
    int e = sys_call(rpc, SVC_SERIAL, &req, &resp);
    if (e == 0) aos_payload_free(&resp);
    return e;
}

int aos_rpc_serial_getchar(struct aos_rpc *rpc, char *c)
{
    struct aos_payload req, resp;
    aos_payload_init(&req);
    aos_put_u64(&req, OP_GETCHAR);
    int e = sys_call(rpc, SVC_SERIAL, &req, &resp);
    if (e < 0) return e;
    uint64_t v = 0;
    e = aos_get_u64(&resp, &v) < 0 ? AOS_ERR_PROTOCOL : 0;
    if (e == 0) *c = (char)v;
    aos_payload_free(&resp);
    return e;
}
