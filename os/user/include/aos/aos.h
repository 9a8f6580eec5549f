// The native API of Fast's OS for guest programs (the course's aos_rpc / nameservice flavour).
// Kernel calls are SVCs with X8 in 0x1000..0x1FFF (os/Native/NativeKernel.cs); Linux calls keep
// working beside them, so programs use libc and pthreads as usual.
//
// Layers: raw channel units (7 words + at most one capability; LMP on one core, UMP across
// cores, the kernel picks) < messages of any length (aos_msg_*: split into units, or carried in
// a frame when large) < RPC with a generic payload (numbers, strings, byte buffers, one
// capability) < the nameserver (services by hierarchical name, a channel to whichever core).
#ifndef AOS_AOS_H
#define AOS_AOS_H
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

typedef int capref_t;     // a capability handle (0: none)
typedef int aos_chan_t;   // a channel end handle

enum {
    AOS_OK = 0, AOS_ERR_FULL = -1, AOS_ERR_EMPTY = -2, AOS_ERR_CLOSED = -3, AOS_ERR_INVALID = -4, AOS_ERR_HANDLE = -5,
    AOS_ERR_NOTFOUND = -6, AOS_ERR_EXISTS = -7, AOS_ERR_NOMEM = -8, AOS_ERR_TIMEOUT = -9, AOS_ERR_CAP = -10, AOS_ERR_FAULT = -11,
    AOS_ERR_PROTOCOL = -12,
};
enum { AOS_LMP = 1, AOS_UMP = 2 };
enum { AOS_CAP_RAM = 1, AOS_CAP_FRAME = 2, AOS_CAP_DISPATCHER = 9, AOS_CAP_ENDPOINT = 10 };
#define AOS_UNIT_WORDS 7
#define AOS_NONBLOCK 1

// ---- kernel calls ----
long aos_svc(long number, long regs[9]);   // regs: x0..x7, x9 in and out
int aos_core_id(int *cores, int *pid);
int aos_chan_pair(aos_chan_t *a, aos_chan_t *b);             // an LMP channel inside this process
int aos_chan_send(aos_chan_t ch, const uint64_t *words, int n, capref_t cap, int flags);
int aos_chan_recv(aos_chan_t ch, uint64_t words[AOS_UNIT_WORDS], capref_t *cap, int flags);   // >= 0: words
// Sends a unit, then waits for the next unit on the same end (one kernel call; on one core the
// kernel switches straight to a waiting receiver). Returns the words received, or an error.
int aos_chan_call(aos_chan_t ch, const uint64_t *words, int n, capref_t cap, uint64_t reply[AOS_UNIT_WORDS], capref_t *reply_cap);
// A UMP channel inside this process: *a on this core, *b for a thread on core `core_b`.
int aos_chan_pair_ump(aos_chan_t *a, aos_chan_t *b, int core_b);
int aos_pin_to_core(int core);                                 // sched_setaffinity of the calling thread
int aos_chan_close(aos_chan_t ch);
int aos_chan_transport(aos_chan_t ch, int *peer_core, int *peer_pid);
int aos_wait_any(const int *handles, int n, long timeout_ms);  // index of the first ready handle
int aos_ram_alloc(size_t size, capref_t *cap, uint64_t *base);
int aos_frame_alloc(size_t size, capref_t *cap);
void *aos_frame_map(capref_t frame, size_t *size);            // NULL on error
int aos_cap_delete(capref_t cap);
int aos_cap_revoke(capref_t cap);
int aos_cap_copy(capref_t cap);
int aos_cap_identify(capref_t cap, uint64_t *base, uint64_t *size);   // type, or an error once deleted
int aos_spawn(const char *path, char *const argv[], int core); // pid

// ---- messages of any length on a channel (thread-safe per channel: see aos_rpc) ----
#define AOS_FRAME_THRESHOLD 4096   // longer payloads travel in a frame
int aos_msg_send(aos_chan_t ch, const void *data, size_t len, capref_t cap);
int aos_msg_recv(aos_chan_t ch, void **data, size_t *len, capref_t *cap);   // *data: malloc'd

// ---- RPC payloads: a sequence of tagged items ----
struct aos_payload { uint8_t *buf; size_t len, size, rd; capref_t cap; };
void aos_payload_init(struct aos_payload *p);
void aos_payload_free(struct aos_payload *p);
void aos_put_u64(struct aos_payload *p, uint64_t v);
void aos_put_str(struct aos_payload *p, const char *s);
void aos_put_bytes(struct aos_payload *p, const void *b, size_t n);
void aos_put_cap(struct aos_payload *p, capref_t cap);
int aos_get_u64(struct aos_payload *p, uint64_t *v);
int aos_get_str(struct aos_payload *p, const char **s);                 // points into the payload
int aos_get_bytes(struct aos_payload *p, const void **b, size_t *n);
int aos_get_cap(struct aos_payload *p, capref_t *cap);

struct aos_rpc { aos_chan_t chan; pthread_mutex_t lock; };
void aos_rpc_init(struct aos_rpc *rpc, aos_chan_t chan);
int aos_rpc_call(struct aos_rpc *rpc, struct aos_payload *req, struct aos_payload *resp);
int aos_rpc_send_number(struct aos_rpc *rpc, uint64_t n);
int aos_rpc_send_string(struct aos_rpc *rpc, const char *s);
// The OS services: each core's memory server, process manager and serial server (/core/N/mem,
// /core/N/proc, /core/N/serial), reached by RPC over channels; rpc NULL: those of the caller's core.
struct aos_rpc *aos_rpc_get_memory_channel(void);
struct aos_rpc *aos_rpc_get_process_channel(void);
struct aos_rpc *aos_rpc_get_serial_channel(void);
struct aos_rpc *aos_rpc_get_process_channel_of(int core);
int aos_rpc_get_ram_cap(struct aos_rpc *rpc, size_t bytes, size_t align, capref_t *ret_cap, size_t *ret_bytes);
int aos_rpc_process_spawn(struct aos_rpc *rpc, char *cmdline, int core, int *newpid);   // core -1: the server's
int aos_rpc_process_get_all_pids(struct aos_rpc *rpc, int **pids, size_t *count);      // *pids malloc'd
int aos_rpc_process_get_name(struct aos_rpc *rpc, int pid, char **name);               // *name malloc'd
int aos_rpc_process_kill(struct aos_rpc *rpc, int pid);
int aos_rpc_process_wait(struct aos_rpc *rpc, int pid, int *status);                   // a wait4-style status
int aos_rpc_serial_putchar(struct aos_rpc *rpc, char c);
int aos_rpc_serial_putstr(struct aos_rpc *rpc, const char *s);
// The next byte of the console input (the caller's standard input); waits for it. AOS_ERR_CLOSED at its end.
int aos_rpc_serial_getchar(struct aos_rpc *rpc, char *c);

// ---- nameserver ----
typedef void nameservice_receive_handler_t(void *st, void *message, size_t bytes, void **response, size_t *response_bytes,
                                           capref_t rx_cap, capref_t *tx_cap);
typedef struct aos_rpc *nameservice_chan_t;
int nameservice_register(const char *name, nameservice_receive_handler_t *handler, void *st);
int nameservice_deregister(const char *name);
int nameservice_lookup(const char *name, nameservice_chan_t *chan);   // waits up to 5 s for the name to appear
int nameservice_enumerate(const char *query, size_t *num, char ***result);
int nameservice_rpc(nameservice_chan_t chan, void *message, size_t bytes, void **response, size_t *response_bytes,
                    capref_t tx_cap, capref_t *rx_cap);
// Serves the registered services: accepts connections, runs handlers. Returns after timeout_ms
// without traffic (-1: until nameservice_stop), or when nameservice_stop is called.
int nameservice_serve(long timeout_ms);
void nameservice_stop(void);
#endif
