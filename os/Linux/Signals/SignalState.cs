// SignalState: a process's signal dispositions and pending set, and each thread's mask, with
// Linux's numbering (1..64) and default actions. Delivery (building the rt_sigframe on the
// user stack) lives in SignalDelivery.
namespace Fast.Os.Linux.Signals;

public enum SignalDefault : byte { Terminate, CoreDump, Ignore, Stop, Continue }

public sealed class SigAction
{
    public ulong Handler;     // SIG_DFL = 0, SIG_IGN = 1, else a guest address
    public ulong Flags;       // SA_*
    public ulong Restorer;    // SA_RESTORER trampoline
    public ulong Mask;
}

public static class Sig
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
        SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15, SIGSTKFLT = 16,
        SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24,
        SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29, SIGPWR = 30, SIGSYS = 31;
    public const int Max = 64;
    public const ulong SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000,
        SA_RESETHAND = 0x80000000, SA_RESTORER = 0x04000000;

    public static ulong Bit(int sig) => 1UL << (sig - 1);

    /// <summary>Linux's default action for each signal (signal(7)).</summary>
    public static SignalDefault Default(int sig) => sig switch
    {
        SIGCHLD or SIGURG or SIGWINCH => SignalDefault.Ignore,
        SIGCONT => SignalDefault.Continue,
        SIGSTOP or SIGTSTP or SIGTTIN or SIGTTOU => SignalDefault.Stop,
        SIGQUIT or SIGILL or SIGTRAP or SIGABRT or SIGBUS or SIGFPE or SIGSEGV or SIGXCPU or SIGXFSZ or SIGSYS => SignalDefault.CoreDump,
        _ => sig >= 32 ? SignalDefault.Terminate : SignalDefault.Terminate,
    };
}

/// <summary>Who sent a pending signal, for its siginfo: si_code (SI_USER = 0, SI_QUEUE = -1, SI_TKILL = -6,
/// CLD_* for SIGCHLD), si_pid, and si_value (or si_status for SIGCHLD).</summary>
public readonly record struct SigSender(int Code, int Pid, ulong Value);

public sealed class SignalState
{
    public readonly SigAction[] Actions = NewActions();

    static SigAction[] NewActions()
    {
        var actions = new SigAction[Sig.Max + 1];   // a loop: Range().Select() is JIT-compiled at every start
        for (int i = 0; i < actions.Length; i++) actions[i] = new SigAction();
        return actions;
    }
    /// <summary>Signals pending for the process (any thread may take them).</summary>
    public ulong Pending;
    /// <summary>The sender of each pending signal (standard signals do not queue: the last one wins).</summary>
    public readonly SigSender[] Senders = new SigSender[Sig.Max + 1];

    /// <summary>execve: handled signals reset to default; ignored stay ignored; pending ones stay pending (execve(2)).</summary>
    public SignalState ForExec()
    {
        var s = new SignalState { Pending = Volatile.Read(ref Pending) };
        for (int i = 1; i <= Sig.Max; i++)
            if (Actions[i].Handler == 1) s.Actions[i].Handler = 1;
        return s;
    }

    public SignalState ForkCopy()
    {
        var s = new SignalState();
        for (int i = 1; i <= Sig.Max; i++)
        {
            var a = Actions[i];
            s.Actions[i] = new SigAction { Handler = a.Handler, Flags = a.Flags, Restorer = a.Restorer, Mask = a.Mask };
        }
        return s;
    }
}
