// RoundRobinScheduler: a FIFO run queue (AIMv6's round-robin on a timer). The running thread goes
// to the back when preempted; a woken thread joins the back.
//
// Locking: none. The core's own thread is the only one to touch the run queue proper (local);
// other threads (wakers on other cores, timers) hand threads in through a concurrent queue
// (incoming) that PickNext moves to the back of local. A thread's BLOCKED/NEW -> READY (MakeReady)
// and BLOCKED -> RUNNING (TryClaim) transitions are compare-and-swaps on its state, so a wake and
// a direct handoff can never both take it; only the core's thread makes a thread RUNNING, so
// Requeue (RUNNING -> READY) needs none. This keeps locks off the IPC round trip, which calls the
// scheduler several times (a claim, a requeue, a pick per direction).
using System.Collections.Concurrent;

namespace Fast.Os.Scheduling;

public sealed class RoundRobinScheduler<T> : IScheduler<T> where T : class, ISchedulable
{
    readonly Queue<T> local = new();                     // only the core's thread
    readonly ConcurrentQueue<T> incoming = new();        // any thread enqueues; the core's thread drains

    public void MakeReady(T thread)
    {
        if (!thread.TrySetState(GuestThreadState.Blocked, GuestThreadState.Ready) &&
            !thread.TrySetState(GuestThreadState.New, GuestThreadState.Ready)) return;
        incoming.Enqueue(thread);
    }

    public void Requeue(T thread)
    {
        if (thread.State != GuestThreadState.Running) return;   // a blocked or exited thread stays off the queue
        thread.State = GuestThreadState.Ready;
        local.Enqueue(thread);
    }

    public bool TryClaim(T thread) => thread.TrySetState(GuestThreadState.Blocked, GuestThreadState.Running);

    public T? PickNext()
    {
        while (incoming.TryDequeue(out var w)) local.Enqueue(w);
        while (local.TryDequeue(out var t))
        {
            // A queued thread leaves READY only here or by being killed (ZOMBIE): no compare-and-swap needed.
            if (t.State != GuestThreadState.Ready) continue;
            t.State = GuestThreadState.Running;
            return t;
        }
        return null;
    }

    /// <summary>On the core's thread: exact. Elsewhere: a racy estimate.</summary>
    public bool HasReady => local.Count > 0 || !incoming.IsEmpty;

    public int ReadyCount => local.Count + incoming.Count;
}
