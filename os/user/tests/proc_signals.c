/* Signals: handlers, kill self, SA_SIGINFO fields, sigprocmask blocking then unblocking delivers,
 * sigpending, SA_RESETHAND, SIGCHLD, signals between processes, EINTR, sigaltstack. */
#include "ftest.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t hits, last_sig;
static volatile int info_signo, info_code, info_pid, info_value;
static volatile uintptr_t handler_sp;

static void on_signal(int sig) { hits++; last_sig = sig; }

static void on_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hits++;
    last_sig = sig;
    info_signo = si->si_signo;
    info_code = si->si_code;
    info_pid = si->si_pid;
    info_value = si->si_value.sival_int;
}

static void on_alt(int sig)
{
    int local;
    (void)sig;
    handler_sp = (uintptr_t)&local;
    hits++;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction(SIGUSR1)");
    hits = 0;
    CHECK(kill(getpid(), SIGUSR1) == 0 && hits == 1 && last_sig == SIGUSR1, "kill(self, SIGUSR1) runs the handler before kill returns (hits=%d)", hits);
    raise(SIGUSR1);
    CHECK(hits == 2, "raise(SIGUSR1) runs it again (hits=%d)", hits);

    /* The old action comes back from sigaction. */
    struct sigaction old;
    sigaction(SIGUSR1, &sa, &old);
    CHECK(old.sa_handler == on_signal, "sigaction returns the old handler");

    /* SA_SIGINFO: si_signo, si_code (SI_USER for kill, SI_QUEUE for sigqueue), si_pid, si_value. */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    CHECK(info_signo == SIGUSR2 && info_code == SI_USER && info_pid == getpid(), "SA_SIGINFO from kill: signo=%d code=%d pid=%d", info_signo, info_code, info_pid);
    union sigval v = { .sival_int = 1234 };
    if (sigqueue(getpid(), SIGUSR2, v) == 0)
        CHECK(info_code == SI_QUEUE && info_value == 1234, "sigqueue: code=%d value=%d", info_code, info_value);
    else
        CHECK(0, "sigqueue: errno=%d", errno);
    tgkill(getpid(), gettid(), SIGUSR2);
    CHECK(info_signo == SIGUSR2 && info_code == SI_TKILL, "tgkill: si_code=SI_TKILL (%d)", info_code);

    /* Blocked signals stay pending and are delivered when unblocked. */
    sigset_t set, oldset, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &set, &oldset) == 0, "sigprocmask(SIG_BLOCK, SIGUSR1)");
    hits = 0;
    kill(getpid(), SIGUSR1);
    CHECK(hits == 0, "a blocked signal is not delivered (hits=%d)", hits);
    sigpending(&pending);
    CHECK(sigismember(&pending, SIGUSR1), "sigpending shows SIGUSR1");
    kill(getpid(), SIGUSR1); /* standard signals do not queue */
    sigprocmask(SIG_SETMASK, &oldset, NULL);
    CHECK(hits == 1, "unblocking delivers it once (hits=%d)", hits);
    sigpending(&pending);
    CHECK(!sigismember(&pending, SIGUSR1), "nothing pending afterwards");

    /* The handler runs with the signal blocked (no SA_NODEFER) and sa_mask added. */
    sigprocmask(SIG_BLOCK, NULL, &set);
    CHECK(!sigismember(&set, SIGUSR1), "the mask is restored after the handler returns");

    /* SIG_IGN discards; SA_RESETHAND resets to default after one delivery. */
    signal(SIGUSR1, SIG_IGN);
    hits = 0;
    kill(getpid(), SIGUSR1);
    CHECK(hits == 0, "SIG_IGN ignores");
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR1, &sa, NULL);
    kill(getpid(), SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    CHECK(hits == 1 && old.sa_handler == SIG_DFL, "SA_RESETHAND: handled once, then SIG_DFL");

    /* SIGCHLD arrives when a child exits. */
    signal(SIGCHLD, on_signal);
    hits = 0; last_sig = 0;
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    for (int i = 0; i < 100 && !hits; i++) usleep(1000);
    CHECK(hits >= 1 && last_sig == SIGCHLD, "SIGCHLD on child exit (hits=%d)", hits);
    signal(SIGCHLD, SIG_DFL);

    /* Parent signals child: the child's handler runs and the child reports over a pipe. */
    int fds[2];
    pipe(fds);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &oldset);
    signal(SIGUSR1, on_signal);
    pid = fork();
    if (pid == 0) {
        hits = 0;
        sigsuspend(&oldset); /* atomically unblock and wait */
        char c = hits == 1 && last_sig == SIGUSR1 ? 'y' : 'n';
        write(fds[1], &c, 1);
        _exit(0);
    }
    usleep(10000);
    kill(pid, SIGUSR1);
    char c = 0;
    read(fds[0], &c, 1);
    waitpid(pid, NULL, 0);
    sigprocmask(SIG_SETMASK, &oldset, NULL);
    CHECK(c == 'y', "sigsuspend in the child returns after the parent's SIGUSR1 ran its handler");

    /* A signal interrupts a blocking read: EINTR (no SA_RESTART). */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGALRM, &sa, NULL);
    hits = 0;
    pid = fork();
    if (pid == 0) { usleep(20000); kill(getppid(), SIGALRM); _exit(0); }
    errno = 0;
    ssize_t r = read(fds[0], &c, 1);
    CHECK(r == -1 && errno == EINTR && hits == 1, "a blocking read is interrupted: r=%zd errno=%d hits=%d", r, errno, hits);
    waitpid(pid, NULL, 0);

    /* alarm() delivers SIGALRM. */
    hits = 0;
    alarm(1);
    double t0 = ft_now();
    while (!hits && ft_now() - t0 < 3) pause();
    CHECK(hits == 1, "alarm(1) delivers SIGALRM after %.2f s", ft_now() - t0);

    /* sigaltstack: the handler runs on the alternate stack. */
    static char alt[64 * 1024];
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 };
    CHECK(sigaltstack(&ss, NULL) == 0, "sigaltstack");
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alt;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR2, &sa, NULL);
    handler_sp = 0;
    raise(SIGUSR2);
    CHECK(handler_sp >= (uintptr_t)alt && handler_sp < (uintptr_t)alt + sizeof alt, "SA_ONSTACK handler runs on the alternate stack (sp=%#lx)", (unsigned long)handler_sp);

    /* Default action of SIGUSR1 kills; of SIGCHLD/SIGURG ignores. */
    signal(SIGURG, SIG_DFL);
    raise(SIGURG);
    CHECK(1, "SIGURG's default action is to ignore");
    return ft_done();
}
