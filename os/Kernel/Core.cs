// Core: one vCPU, its host thread, and the loop that multiplexes guest threads onto it.
//
// The loop picks a READY thread from the core's scheduler, restores its context into the
// vCPU, switches the translation table (TTBR0 + ASID) and runs guest code until the OS halts
// the vCPU: the thread blocked in a syscall, was preempted by the timer, or exited. It then
// saves the context and picks again; with nothing ready it sleeps until Kick(). A periodic
// tick (CoreTicker) raises InterruptBits.Timer on the vCPU; the OS answers it by preempting when
// another thread is ready (round robin on a timer, as AIMv6).
//
// Threading: Current and the vCPU are touched only by this core's host thread. Kick and Stop
// may be called from anywhere.
using System.Diagnostics;
using Fast.Os.Scheduling;
using Fast.Runtime;
using Fast.Runtime.Observability;

namespace Fast.Os.Kernel;

public sealed unsafe class Core : IDisposable
{
    public int Id { get; }
    public Vcpu Cpu { get; }
    public IScheduler<GuestThread> Scheduler { get; }
    public GuestThread? Current { get; private set; }
    public long ContextSwitches;
    public TimeSpan TimeSlice { get; init; } = TimeSpan.FromMilliseconds(10);
    /// <summary>How long an idle core polls for work before its host thread sleeps.</summary>
    public int IdleSpinMicroseconds { get; set; } = 50;

    [ThreadStatic] static int executingPlusOne;
    /// <summary>The core whose host thread is calling (-1 on any other thread). Each core's loop sets
    /// it; kernel code that depends on where it runs (pipes: LMP or UMP) reads it. Tests may set it to play a core.</summary>
    public static int ExecutingId { get => executingPlusOne - 1; set => executingPlusOne = value + 1; }

    readonly SemaphoreSlim wake = new(0, int.MaxValue);
    Thread? host;                // set once the host thread started (under startLock)
    volatile bool started;       // Start was called: the host thread runs, or starts at the first Kick
    bool disposed;               // guarded by startLock: no host thread starts any more
    readonly object startLock = new();
    volatile bool stopping;

    /// <summary>Called on the core's thread after each run of a thread, with the thread that ran.</summary>
    public Action<Core, GuestThread>? AfterRun { get; set; }

    /// <summary>Called on the core's thread before each pick of the next thread, also when it wakes
    /// from idle (the multikernel runs its per-core mailbox of cross-core messages here).</summary>
    public Action<Core>? BetweenRuns { get; set; }

    public Core(int id, Vcpu cpu, IScheduler<GuestThread> scheduler)
    {
        Id = id;
        Cpu = cpu;
        Scheduler = scheduler;
        cpu.OsData = this;
    }

    /// <summary>Starts the core: its host thread now if a thread is ready here, else at the first Kick
    /// (work made ready, a mailbox message): `fast run`'s second core is idle for a single-threaded
    /// program, and its thread was one more to create at every start.</summary>
    public void Start()
    {
        started = true;
        if (Scheduler.HasReady || wake.CurrentCount > 0) StartHost();   // (a Kick before Start: work or mail is waiting)
    }

    void StartHost()
    {
        lock (startLock)
        {
            if (host is not null || disposed || stopping) return;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Fast core {Id}" };
            thread.Start();
            Volatile.Write(ref host, thread);
            CoreTicker.Add(this);
        }
    }

    /// <summary>Makes a thread runnable on this core and wakes the core if it idles.</summary>
    public void MakeReady(GuestThread thread)
    {
        thread.Core = Id;
        Scheduler.MakeReady(thread);
        Kick();
    }

    public void Kick()
    {
        // A late wake-up (a guest's deadline timer firing after the OS was disposed) finds no one to wake.
        try { wake.Release(); }
        catch (ObjectDisposedException) { return; }
        if (started && Volatile.Read(ref host) is null) StartHost();
    }

    /// <summary>Whether the core's host thread was started (a started core without work has none yet).</summary>
    public bool HostStarted => Volatile.Read(ref host) is not null;

    /// <summary>Whether the core runs (started and not stopping): its host thread runs, or starts at the next Kick.</summary>
    public bool Running => started && !stopping;

    /// <summary>Sleeps this core's host thread until a Kick (or the timeout): a wait inside the kernel (HomeCalls).</summary>
    public void Doze(int milliseconds) => wake.Wait(milliseconds);

    public void Stop()
    {
        stopping = true;
        Cpu.RaiseInterrupt(InterruptBits.Stop);
        Kick();
    }

    public void Join() => Volatile.Read(ref host)?.Join();

    void Loop() => Loop(null);

    /// <summary>
    /// Runs this core's loop on the calling thread, which becomes its host thread, until done() holds
    /// (checked between guest runs and at each wake-up: not while a guest thread keeps the core, which
    /// the timer does not take from it when nothing else is ready) or the core stops; false, having run nothing,
    /// when the core already has a host thread. `fast run` runs init's core so on its main thread,
    /// which would otherwise only wait for the guest (and first wait, in Thread.Start, for a new
    /// thread to run). When it returns the core is stopping (not Running): what reaches it afterwards
    /// belongs to the run's end, and a HomeCall to it runs on its caller.
    /// </summary>
    public bool RunOnCallingThread(Func<bool> done)
    {
        lock (startLock)
        {
            if (host is not null || disposed || stopping) return false;
            started = true;
            Volatile.Write(ref host, Thread.CurrentThread);
        }
        CoreTicker.Add(this);
        int outer = ExecutingId;
        try
        {
            Loop(done);
        }
        finally
        {
            stopping = true;
            ExecutingId = outer;
        }
        return true;
    }

    void Loop(Func<bool>? done)
    {
        ExecutingId = Id;
        while (!stopping && !(done?.Invoke() ?? false))
        {
            BetweenRuns?.Invoke(this);
            var thread = Scheduler.PickNext();
            if (thread is null)
            {
                // Idle: poll for a kick for a bounded time (a wake-up from another core is then a
                // store, not a host thread wake-up), then sleep until kicked.
                long until = Stopwatch.GetTimestamp() + IdleSpinMicroseconds * Stopwatch.Frequency / 1_000_000;
                var spinner = new SpinWait();
                while (wake.CurrentCount == 0 && !stopping && Stopwatch.GetTimestamp() < until) spinner.SpinOnce(sleep1Threshold: -1);
                wake.Wait(50);
                continue;
            }
            RunThread(thread);
        }
    }

    /// <summary>Runs one thread until the OS takes it off the core (one scheduling quantum or less).</summary>
    public void RunThread(GuestThread thread)
    {
        Enter(thread, Current, Stopwatch.GetTimestamp());
        Cpu.Run();

        // An in-kernel switch (SwitchTo) may have replaced the thread that entered: leave with the current one.
        var ran = Current!;
        ran.RunTicks += Stopwatch.GetTimestamp() - ran.RunningSince;
        ran.Context.SaveFrom(Cpu.State);
        int to = ran.MigrateTo;
        if (to >= 0 && Migrate is { } migrate && (ran.State == GuestThreadState.Running || ran.State == GuestThreadState.Blocked && ran.MigratingSelf))
        {
            ran.MigrateTo = -1;
            ran.MigratingSelf = false;
            ran.State = GuestThreadState.Blocked;
            migrate(ran, to);
        }
        else Scheduler.Requeue(ran);  // preempted or yielded; a blocked or exited thread stays off the queue
        AfterRun?.Invoke(this, ran);
    }

    /// <summary>
    /// Switches the vCPU to another thread without leaving guest execution (called on this core's
    /// thread from inside an exception handler, which then returns Resume.Continue): the current
    /// thread's registers are saved (a still-RUNNING thread goes to the back of the run queue, a
    /// blocked one stays off it), next's are restored. next must have been claimed by this core
    /// (Scheduler.TryClaim: BLOCKED → RUNNING) or picked (PickNext). This is the LMP handoff.
    /// </summary>
    public void SwitchTo(GuestThread next)
    {
        var from = Current!;
        long now = Stopwatch.GetTimestamp();
        from.RunTicks += now - from.RunningSince;
        from.Context.SaveFrom(Cpu.State);
        Scheduler.Requeue(from);
        Enter(next, from, now);
    }

    void Enter(GuestThread thread, GuestThread? from, long now)
    {
        Current = thread;
        thread.State = GuestThreadState.Running;
        thread.Context.RestoreTo(Cpu.State);
        if (Cpu.State->Ttbr0 != thread.Ttbr0 || (Cpu.State->Control & CpuControl.MmuEnabled) == 0) Cpu.SetTranslationTable(thread.Ttbr0);
        ContextSwitches++;
        thread.Switches++;
        if (FastEventSource.SchedulerEnabled)
            FastEventSource.Log.ContextSwitch(Id, from?.Tid ?? 0, thread.Tid, (int)(from?.State ?? GuestThreadState.New));
        thread.RunningSince = now;
    }

    /// <summary>Moves a thread that left this core with MigrateTo set to another core (set by FastOs).</summary>
    public Action<GuestThread, int>? Migrate { get; set; }

    public void Dispose()
    {
        Stop();
        Thread? thread;
        lock (startLock)
        {
            disposed = true;
            thread = host;
        }
        CoreTicker.Remove(this);
        if (thread is not null && thread != Thread.CurrentThread) thread.Join();
        wake.Dispose();
    }
}
