// The native API's C library, part three: the nameserver client (register, lookup, enumerate,
// deregister, RPC over a looked-up channel) and a server's loop serving several services.
// See include/aos/aos.h.
#include "aos_internal.h"

// ---- nameserver ----
#define MAX_SERVICES 16
#define MAX_CLIENTS 64
static struct { char name[256]; int handle; nameservice_receive_handler_t *handler; void *st; } services[MAX_SERVICES];
static struct { int handle; int service; } clients[MAX_CLIENTS];
static int nservices, nclients;
static volatile int stop_serving;
static pthread_mutex_t ns_lock = PTHREAD_MUTEX_INITIALIZER;

int nameservice_register(const char *name, nameservice_receive_handler_t *handler, void *st)
{
    pthread_mutex_lock(&ns_lock);
    int e = AOS_ERR_NOMEM;
    if (nservices < MAX_SERVICES) {
        long h = svc3(SVC_NS_REGISTER, (long)name, 0, 0, 0, 0);
        if (h < 0) e = (int)h;
        else {
            snprintf(services[nservices].name, sizeof services[0].name, "%s", name);
            services[nservices].handle = (int)h;
            services[nservices].handler = handler;
            services[nservices].st = st;
            nservices++;
            e = 0;
        }
    }
    pthread_mutex_unlock(&ns_lock);
    return e;
}

int nameservice_deregister(const char *name)
{
    pthread_mutex_lock(&ns_lock);
    int e = (int)svc3(SVC_NS_DEREGISTER, (long)name, 0, 0, 0, 0);
    for (int i = 0; i < nservices; i++)
        if (!strcmp(services[i].name, name)) { services[i] = services[--nservices]; break; }
    pthread_mutex_unlock(&ns_lock);
    return e;
}

int nameservice_lookup(const char *name, nameservice_chan_t *chan)
{
    long h = svc3(SVC_NS_LOOKUP, (long)name, 5000, 0, 0, 0);
    if (h < 0) return (int)h;
    struct aos_rpc *rpc = malloc(sizeof *rpc);
    aos_rpc_init(rpc, (aos_chan_t)h);
    *chan = rpc;
    return 0;
}

int nameservice_enumerate(const char *query, size_t *num, char ***result)
{
    size_t cap = 4096;
    char *buf = NULL;
    long n;
    for (;;) {
        buf = realloc(buf, cap);
        n = svc3(SVC_NS_ENUMERATE, (long)query, (long)buf, (long)cap, 0, 0);
        if (n < 0) { free(buf); return (int)n; }
        if (strlen(buf) + 1 < cap) break;
        cap *= 2;
    }
    char **list = calloc((size_t)n + 1, sizeof *list);
    size_t i = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, "\n", &save); t && i < (size_t)n; t = strtok_r(NULL, "\n", &save)) list[i++] = strdup(t);
    free(buf);
    *num = i;
    *result = list;
    return 0;
}

int nameservice_rpc(nameservice_chan_t chan, void *message, size_t bytes, void **response, size_t *response_bytes,
                    capref_t tx_cap, capref_t *rx_cap)
{
    pthread_mutex_lock(&chan->lock);
    int e = aos_msg_send(chan->chan, message, bytes, tx_cap);
    void *data = NULL;
    size_t len = 0;
    capref_t cap = 0;
    if (e == 0) e = aos_msg_recv(chan->chan, &data, &len, &cap);
    pthread_mutex_unlock(&chan->lock);
    if (e < 0) return e;
    if (response) *response = data; else free(data);
    if (response_bytes) *response_bytes = len;
    if (rx_cap) *rx_cap = cap;
    else if (cap) aos_cap_delete(cap);
    return 0;
}

void nameservice_stop(void) { stop_serving = 1; }

int nameservice_serve(long timeout_ms)
{
    stop_serving = 0;
    while (!stop_serving) {
        int handles[MAX_SERVICES + MAX_CLIENTS];
        int n = 0;
        for (int i = 0; i < nservices; i++) handles[n++] = services[i].handle;
        for (int i = 0; i < nclients; i++) handles[n++] = clients[i].handle;
        if (n == 0) return AOS_ERR_INVALID;
        int r = aos_wait_any(handles, n, timeout_ms);
        if (r == AOS_ERR_TIMEOUT) return AOS_ERR_TIMEOUT;
        if (r < 0) return r;
        if (r < nservices) {
            long c = svc3(SVC_ACCEPT, services[r].handle, AOS_NONBLOCK, 0, 0, 0);
            if (c >= 0 && nclients < MAX_CLIENTS) { clients[nclients].handle = (int)c; clients[nclients].service = r; nclients++; }
            continue;
        }
        int ci = r - nservices;
        void *msg = NULL;
        size_t len = 0;
        capref_t rx = 0;
        int e = aos_msg_recv(clients[ci].handle, &msg, &len, &rx);
        if (e < 0) {   // the client went away
            aos_chan_close(clients[ci].handle);
            clients[ci] = clients[--nclients];
            continue;
        }
        void *resp = NULL;
        size_t resp_len = 0;
        capref_t tx = 0;
        int s = clients[ci].service;
        services[s].handler(services[s].st, msg, len, &resp, &resp_len, rx, &tx);
        free(msg);
        aos_msg_send(clients[ci].handle, resp ? resp : "", resp ? resp_len : 0, tx);
        free(resp);
    }
    return 0;
}
