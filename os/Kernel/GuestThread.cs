// GuestThread: a thread control block. While the thread is off-core its registers live in
// Context; on a core they live in that vCPU's CpuState. State transitions (GuestThreadState) are
// made by the owning core's kernel, except BLOCKED → READY, which a waker makes through the
// scheduler. Owner is the process (an object of the OS; kept abstract here).
using Fast.Os.Scheduling;

namespace Fast.Os.Kernel;

public sealed class GuestThread : ISchedulable
{
    public int Tid { get; }
    /// <summary>The thread's name (prctl PR_SET_NAME, /proc/.../comm).</summary>
    public string? Name { get; set; }
    int state;   // a GuestThreadState; BLOCKED -> READY / RUNNING by compare-and-swap (the scheduler)
    public GuestThreadState State { get => (GuestThreadState)Volatile.Read(ref state); set => Volatile.Write(ref state, (int)value); }
    public bool TrySetState(GuestThreadState from, GuestThreadState to) => Interlocked.CompareExchange(ref state, (int)to, (int)from) == (int)from;
    public ThreadContext Context;
    /// <summary>The translation table base (with ASID in bits 63:48) of the thread's address space.</summary>
    public ulong Ttbr0 { get; set; }
    /// <summary>The core whose scheduler this thread belongs to.</summary>
    public int Core { get; set; }
    /// <summary>The process (or other owner) this thread runs for.</summary>
    public object? Owner { get; set; }
    /// <summary>Host ticks spent running on a core (for fairness and statistics).</summary>
    public long RunTicks;
    /// <summary>Host timestamp when the thread's current run on a core began (valid while Running).</summary>
    public long RunningSince;
    public long Switches;
    /// <summary>The native personality's state of this thread (blocked calls), made on first use.</summary>
    public object? NativeState;
    /// <summary>The cores the thread may run on (sched_setaffinity; bit per core).</summary>
    public ulong Affinity = ulong.MaxValue;
    /// <summary>Set (by its own core, while it runs) to move the thread to that core when it next leaves the vCPU; -1: none.</summary>
    public int MigrateTo = -1;
    /// <summary>The thread blocked only to move (sched_setaffinity on itself): Core.Migrate makes it ready on MigrateTo.</summary>
    public bool MigratingSelf;

    /// <summary>RunTicks plus the current run so far (CPU-time clocks read this while the thread runs).</summary>
    public long CpuTicks(long now) => RunTicks + (State == GuestThreadState.Running ? Math.Max(0, now - Volatile.Read(ref RunningSince)) : 0);

    // ---- Linux thread state ----
    /// <summary>Blocked signals (rt_sigprocmask).</summary>
    public ulong SignalMask;
    /// <summary>The mask rt_sigsuspend replaced; the next signal frame saves it (null: none).</summary>
    public ulong? SavedSignalMask;
    /// <summary>Signals sent to this thread (tgkill) and not yet delivered.</summary>
    public ulong PendingSignals;
    public ulong AltStackSp, AltStackSize;
    public int AltStackFlags = 2; // SS_DISABLE
    /// <summary>set_tid_address / CLONE_CHILD_CLEARTID: zeroed and futex-woken at exit.</summary>
    public ulong ClearChildTid;
    public ulong RobustList;
    /// <summary>The registered struct rseq (0: none).</summary>
    public ulong RseqArea;
    /// <summary>A blocking call's absolute deadline (host ticks), kept across restarts; 0 = none.</summary>
    public long WakeDeadline;
    /// <summary>Set when a blocked thread is woken by a signal: the restarted call returns -EINTR.</summary>
    public bool Interrupted;
    /// <summary>Set by a futex wake: the restarted FUTEX_WAIT returns 0 without re-checking the word.</summary>
    public bool FutexWoken;

    public GuestThread(int tid) => Tid = tid;

    public override string ToString() => $"thread {Tid} ({State})";
}
