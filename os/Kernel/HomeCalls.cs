// HomeCalls: running an operation on the core whose capability database owns the objects it
// touches (the object's "home"), by message when the caller runs on another core.
//
// A process's address space (its VNode capabilities, the Frame and RAM capabilities of its pages)
// lives in the database of its home core. A thread of the process running on another core that
// needs a page-table change — a page fault to resolve, mmap/munmap/mprotect, fork's copy, the
// teardown at exit — does not take the home database's lock: Call posts the operation to the home
// core's mailbox (an inter-processor interrupt, which also wakes a parked core) and the calling
// vCPU waits for the reply, then goes on (a faulting access is retried by its caller). While it
// waits it keeps serving its own mailbox, so two cores asking each other at once both progress;
// it polls for a bounded time and then sleeps on its core's wake-up semaphore, which the reply
// kicks (no host thread burns while the home core works). Off a core's host thread (tests, the
// boot before the cores start) or on the home core itself, the operation simply runs here.
//
// Counters: Forwarded (operations sent as messages), ForeignEntries (operations that found
// themselves running on a core other than their home: must stay 0 — tests assert it). Each call
// that went as a message is a HomeCall event (Ipc keyword) with the caller's wait.
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Fast.Runtime.Observability;

namespace Fast.Os.Kernel;

/// <summary>The cores' mailboxes as HomeCalls needs them (the multikernel's CoreKernels implement it).</summary>
public interface ICoreMail
{
    /// <summary>Whether core runs (has a live host thread draining its mailbox).</summary>
    bool Running(int core);
    void Post(int core, Action message);
    void Drain(int core);
    void Kick(int core);
    void Doze(int core, int milliseconds);
}

public sealed class HomeCalls
{
    public ICoreMail? Mail { get; set; }
    /// <summary>Microseconds a caller polls for the reply before it sleeps.</summary>
    public int SpinMicroseconds { get; set; } = 100;
    public long Forwarded, ForeignEntries;

    /// <summary>True when an operation homed on core may run on this thread directly.</summary>
    public bool Local(int home)
    {
        int here = Core.ExecutingId;
        return here < 0 || here == home || Mail is not { } m || !m.Running(home);
    }

    /// <summary>Notes an operation on home's objects starting on this thread (counts a foreign core).</summary>
    public void Enter(int home)
    {
        int here = Core.ExecutingId;
        if (here >= 0 && here != home && Mail is { } m && m.Running(home)) Interlocked.Increment(ref ForeignEntries);
    }

    /// <summary>Runs op on core home: here if Local(home), else as a message to home, waiting for its result.</summary>
    public T Call<T>(int home, Func<T> op)
    {
        if (Local(home)) return op();
        var mail = Mail!;
        int here = Core.ExecutingId;
        Interlocked.Increment(ref Forwarded);
        var reply = new Reply<T>();
        mail.Post(home, () =>
        {
            if (Interlocked.Exchange(ref reply.Claimed, 1) != 0) return;   // the caller ran it itself (home stopped)
            try { reply.Value = op(); }
            catch (Exception e) { reply.Error = ExceptionDispatchInfo.Capture(e); }
            Volatile.Write(ref reply.Done, true);
            mail.Kick(here);
        });
        long start = Stopwatch.GetTimestamp();
        long until = start + SpinMicroseconds * Stopwatch.Frequency / 1_000_000;
        while (!Volatile.Read(ref reply.Done))
        {
            mail.Drain(here);   // requests to us (perhaps from the core we wait for) are answered meanwhile
            if (Volatile.Read(ref reply.Done)) break;
            if (Stopwatch.GetTimestamp() < until) Thread.SpinWait(20);   // (no yield: SpinOnce's gave the host CPU away, +6 us a call)
            else
            {
                // The home core stopped (the OS shuts down) before it took the message: it never
                // will, so the operation runs here, as it does when home is not running at all.
                if (!mail.Running(home) && Interlocked.Exchange(ref reply.Claimed, 1) == 0)
                {
                    try { reply.Value = op(); }
                    catch (Exception e) { reply.Error = ExceptionDispatchInfo.Capture(e); }
                    break;
                }
                mail.Doze(here, 10);
            }
        }
        if (FastEventSource.IpcEnabled) FastEventSource.Log.HomeCall(here, home, Stopwatch.GetTimestamp() - start);
        reply.Error?.Throw();
        return reply.Value!;
    }

    /// <summary>Call for an operation without a result.</summary>
    public void Call(int home, Action op)
    {
        if (Local(home)) op();
        else Call(home, () => { op(); return 0; });
    }

    sealed class Reply<T>
    {
        public T? Value;
        public ExceptionDispatchInfo? Error;
        public bool Done;
        public int Claimed;   // 1 once the home core or the caller started the operation
    }
}
