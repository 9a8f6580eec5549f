/* fork/exec/wait chains, exit statuses (normal and by signal), getpid/getppid, WNOHANG, ECHILD. */
#include "ftest.h"
#include <signal.h>
#include <sys/wait.h>

/* "chain N": exec'd mode. Each level forks a child that execs the next level and exits with
 * the child's status + 1, so the top sees the depth of the chain as exit status. */
static int chain(const char *self, int depth)
{
    if (depth == 0) return 0;
    pid_t pid = fork();
    if (pid < 0) return 100;
    if (pid == 0) {
        char arg[16];
        snprintf(arg, sizeof arg, "%d", depth - 1);
        execl(self, self, "chain", arg, (char *)NULL);
        _exit(101);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return 102;
    return WEXITSTATUS(status) + 1;
}

static const char *self = "/proc/self/exe";

int main(int argc, char **argv)
{
    /* This program's path: argv[0] when it is a path (qemu-aarch64's /proc/self/exe is qemu). */
    if (strchr(argv[0], '/')) self = argv[0];
    if (argc == 3 && strcmp(argv[1], "chain") == 0) return chain(self, atoi(argv[2]));
    if (argc == 2 && strcmp(argv[1], "ppid") == 0) return getppid() == atoi(getenv("FT_PARENT")) ? 0 : 1;

    pid_t me = getpid();
    CHECK(me > 0, "getpid() = %d", me);
    CHECK(getppid() >= 0, "getppid() = %d", getppid());

    /* Exit statuses 0..255 as seen by wait. */
    int codes[] = { 0, 1, 42, 255 };
    for (unsigned i = 0; i < sizeof codes / sizeof *codes; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(codes[i]);
        int status = -1;
        pid_t w = waitpid(pid, &status, 0);
        CHECK(w == pid && WIFEXITED(status) && WEXITSTATUS(status) == codes[i],
              "child exit(%d): waitpid=%d status=0x%x", codes[i], w, status);
    }

    /* The child knows its parent, and its own pid is what fork returned. */
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        pid_t info[2] = { getpid(), getppid() };
        write(fds[1], info, sizeof info);
        _exit(0);
    }
    pid_t info[2] = { 0, 0 };
    ft_read_all(fds[0], info, sizeof info);
    waitpid(pid, NULL, 0);
    CHECK(info[0] == pid && info[1] == me, "child getpid()=%d (fork said %d), getppid()=%d (parent %d)", info[0], pid, info[1], me);
    close(fds[0]); close(fds[1]);

    /* Killed by a signal: WIFSIGNALED and WTERMSIG. */
    int sigs[] = { SIGKILL, SIGTERM, SIGUSR1 };
    for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        pid = fork();
        if (pid == 0) { kill(getpid(), sigs[i]); for (;;) pause(); }
        int status = 0;
        pid_t w = waitpid(pid, &status, 0);
        CHECK(w == pid && WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
              "child killed by %s: status=0x%x", strsignal(sigs[i]), status);
    }
    /* Killed by its parent while sleeping. */
    pid = fork();
    if (pid == 0) { for (;;) pause(); }
    usleep(20000);
    CHECK(kill(pid, SIGTERM) == 0, "kill(child, SIGTERM)");
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "parent killed a pausing child: status=0x%x", status);
    /* abort() is SIGABRT. */
    pid = fork();
    if (pid == 0) abort();
    CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort(): status=0x%x", status);

    /* WNOHANG before the child exits gives 0; wait for any child; then ECHILD. */
    int go[2];
    pipe(go);
    pid = fork();
    if (pid == 0) { char c; read(go[0], &c, 1); _exit(7); }
    CHECK(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG on a running child returns 0");
    write(go[1], "x", 1);
    pid_t w = wait(&status);
    CHECK(w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7, "wait() returns the child: %d status=0x%x", w, status);
    errno = 0;
    CHECK(wait(&status) == -1 && errno == ECHILD, "wait() without children: ECHILD (errno=%d)", errno);

    /* Many children at once, reaped in any order. */
    enum { N = 20 };
    int seen[N] = { 0 };
    pid_t pids[N];
    for (int i = 0; i < N; i++) {
        pids[i] = fork();
        if (pids[i] == 0) _exit(i);
    }
    int ok = 1;
    for (int i = 0; i < N; i++) {
        w = wait(&status);
        int k = -1;
        for (int j = 0; j < N; j++) if (pids[j] == w) k = j;
        if (k < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != k || seen[k]++) ok = 0;
    }
    CHECK(ok, "%d concurrent children reaped with their own statuses", N);

    /* exec: a child execs this program, which checks getppid() against the environment. */
    char parent[16];
    snprintf(parent, sizeof parent, "%d", me);
    setenv("FT_PARENT", parent, 1);
    pid = fork();
    if (pid == 0) { execl(self, self, "ppid", (char *)NULL); _exit(99); }
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0, "exec'd child sees its parent: status=0x%x", status);

    /* exec of a missing file fails with ENOENT and the process goes on. */
    errno = 0;
    CHECK(execl("/nonexistent/program", "x", (char *)NULL) == -1 && errno == ENOENT, "execl(missing) = ENOENT (errno=%d)", errno);

    /* A chain of fork+exec+wait 8 deep. */
    pid = fork();
    if (pid == 0) { execl(self, self, "chain", "8", (char *)NULL); _exit(99); }
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 8, "fork/exec/wait chain of depth 8: status=0x%x (exit %d)", status, WEXITSTATUS(status));

    /* vfork + _exit. */
    pid = vfork();
    if (pid == 0) _exit(33);
    CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 33, "vfork child _exit(33): status=0x%x", status);
    return ft_done();
}
