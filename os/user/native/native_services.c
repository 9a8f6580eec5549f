// The OS services over the message layer: each core's memory server, process manager and serial
// server are found in the nameserver (/core/N/...) and reached by RPC over LMP (own core) or UMP
// (another core). RAM capabilities from the memory server, spawn on another core through the
// process manager, list / name / kill / wait, the serial server writing our output and reading
// a child's console input (getchar, the input arriving while the child waits for it), and several
// threads calling RPCs on one shared service channel at once.
#include "ftest.h"
#include <aos/aos.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

static int child(const char *mode)
{
    int core = aos_core_id(NULL, NULL);
    if (!strcmp(mode, "sleeper")) { sleep(30); return 1; }
    if (!strcmp(mode, "getchar")) {
        // Our standard input is a pipe the parent feeds slowly: read it through our core's serial server.
        char line[32];
        int n = 0, e;
        char c;
        while (n < 31 && (e = aos_rpc_serial_getchar(NULL, &c)) == 0) line[n++] = c;
        line[n] = 0;
        return !strcmp(line, "typed on the console\n") && e == AOS_ERR_CLOSED ? 20 + core : 1;
    }
    aos_rpc_serial_putstr(NULL, "child: hello through the serial server of my core\n");
    return 10 + core;   // the parent checks which core we ran on
}

static int thread_errors;
static void *ram_client(void *arg)
{
    struct aos_rpc *mem = arg;
    for (int i = 0; i < 100; i++) {
        capref_t cap = 0;
        size_t bytes = 0;
        uint64_t size = 0;
        size_t want = 4096 * (1 + (i % 4));
        if (aos_rpc_get_ram_cap(mem, want, 4096, &cap, &bytes) != 0 || bytes != want
            || aos_cap_identify(cap, NULL, &size) != AOS_CAP_RAM || size != want || aos_cap_delete(cap) != 0)
            __atomic_fetch_add(&thread_errors, 1, __ATOMIC_RELAXED);
        if (aos_rpc_serial_putchar(NULL, i == 99 ? '\n' : '.') != 0) __atomic_fetch_add(&thread_errors, 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child")) return child(argv[2]);
    int cores = 1;
    int core = aos_core_id(&cores, NULL);

    size_t n = 0;
    char **names = NULL;
    CHECK(nameservice_enumerate("/core", &n, &names) == 0 && n == (size_t)(3 * cores), "%zu kernel services on %d cores", n, cores);

    struct aos_rpc *mem = aos_rpc_get_memory_channel();
    CHECK(mem != NULL && aos_chan_transport(mem->chan, NULL, NULL) == AOS_LMP, "the memory server of our core, over LMP");
    capref_t ram = 0;
    size_t got = 0;
    uint64_t base = 0, size = 0;
    CHECK(aos_rpc_get_ram_cap(NULL, 100000, 65536, &ram, &got) == 0 && got == 102400, "RAM from the memory server: %zu bytes", got);
    CHECK(aos_cap_identify(ram, &base, &size) == AOS_CAP_RAM && size == 102400 && base % 65536 == 0,
          "a RAM capability of %llu bytes at 0x%llx, aligned as asked", (unsigned long long)size, (unsigned long long)base);
    CHECK(aos_rpc_get_ram_cap(NULL, 0, 4096, &ram, &got) == AOS_ERR_INVALID, "zero bytes is an error the client sees");
    CHECK(aos_rpc_serial_putstr(NULL, "parent: hello through the serial server\n") == 0, "serial server");

    char self[4096];
    ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
    if (l > 0) self[l] = 0; else snprintf(self, sizeof self, "%s", argv[0]);
    char cmd[4200];

    // Spawn on every core through our core's process manager, and wait through it.
    for (int c = 0; c < cores; c++) {
        snprintf(cmd, sizeof cmd, "%s child hello", self);
        int pid = -1, status = -1;
        CHECK(aos_rpc_process_spawn(NULL, cmd, c, &pid) == 0 && pid > 0, "spawned on core %d: pid %d", c, pid);
        CHECK(aos_rpc_process_wait(NULL, pid, &status) == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 10 + c,
              "waited through the process manager: status 0x%x (the child ran on core %d)", status, WEXITSTATUS(status) - 10);
        waitpid(pid, NULL, 0);
    }

    // getchar: a child on the other core reads its console input (a pipe we feed) through the serial server.
    {
        int in[2];
        CHECK(pipe2(in, O_CLOEXEC) == 0, "a pipe for the child's console input");
        int saved = dup(0);
        dup2(in[0], 0);
        snprintf(cmd, sizeof cmd, "%s child getchar", self);
        int target = (core + 1) % cores, pid = -1, status = -1;
        CHECK(aos_rpc_process_spawn(NULL, cmd, target, &pid) == 0 && pid > 0, "spawned a console reader on core %d", target);
        dup2(saved, 0);
        close(saved);
        close(in[0]);
        usleep(20000);   // the child is (very likely) waiting for input by now; correctness does not depend on it
        const char *text = "typed on the console\n";
        CHECK(ft_write_all(in[1], text, 6) == 0 && (usleep(10000), ft_write_all(in[1], text + 6, strlen(text) - 6)) == 0, "typed");
        close(in[1]);   // the end of the input: the child's next getchar reports it
        CHECK(aos_rpc_process_wait(NULL, pid, &status) == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 20 + target,
              "the child read \"typed on the console\" and then the end, on core %d (status 0x%x)", target, status);
        waitpid(pid, NULL, 0);
    }

    // A process on the other core: listed, named, killed, waited for.
    int other = (core + 1) % cores;
    struct aos_rpc *proc = aos_rpc_get_process_channel_of(other);
    CHECK(proc != NULL && aos_chan_transport(proc->chan, NULL, NULL) == (other == core ? AOS_LMP : AOS_UMP),
          "the process manager of core %d", other);
    snprintf(cmd, sizeof cmd, "%s child sleeper", self);
    int sleeper = -1;
    CHECK(aos_rpc_process_spawn(proc, cmd, -1, &sleeper) == 0 && sleeper > 0, "a sleeper on core %d: pid %d", other, sleeper);
    int *pids = NULL;
    size_t count = 0;
    int listed = 0, me = 0;
    CHECK(aos_rpc_process_get_all_pids(proc, &pids, &count) == 0, "%zu processes listed", count);
    for (size_t i = 0; i < count; i++) { listed |= pids[i] == sleeper; me |= pids[i] == getpid(); }
    free(pids);
    CHECK(listed && me, "the list holds the sleeper and us");
    char *name = NULL;
    CHECK(aos_rpc_process_get_name(proc, sleeper, &name) == 0 && name && !strcmp(name, self), "its name: %s", name ? name : "?");
    free(name);
    CHECK(aos_rpc_process_kill(proc, sleeper) == 0, "kill");
    int status = -1;
    CHECK(aos_rpc_process_wait(proc, sleeper, &status) == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "the sleeper was killed: status 0x%x", status);
    waitpid(sleeper, NULL, 0);
    CHECK(aos_rpc_process_kill(proc, 999999) == AOS_ERR_NOTFOUND, "killing no process is an error");

    // Several threads share our memory server's channel.
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, ram_client, mem);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    CHECK(thread_errors == 0, "4 threads x 100 RAM and serial RPCs on shared channels: %d errors", thread_errors);
    return ft_done();
}
