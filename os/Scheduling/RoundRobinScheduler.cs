// RoundRobinScheduler: a FIFO run queue (AIMv6's round-robin on a timer). The running thread goes
// to the back when preempted; a woken thread joins the back. Locking: one lock around the queue.
namespace Fast.Os.Scheduling;

public sealed class RoundRobinScheduler<T> : IScheduler<T> where T : class, ISchedulable
{
    readonly Queue<T> ready = new();   // guarded by ready

    public void MakeReady(T thread)
    {
        lock (ready)
        {
            if (thread.State is not (GuestThreadState.New or GuestThreadState.Blocked)) return;
            thread.State = GuestThreadState.Ready;
            ready.Enqueue(thread);
        }
    }

    public void Requeue(T thread)
    {
        lock (ready)
        {
            if (thread.State != GuestThreadState.Running) return;
            thread.State = GuestThreadState.Ready;
            ready.Enqueue(thread);
        }
    }

    public bool TryClaim(T thread)
    {
        lock (ready)
        {
            if (thread.State != GuestThreadState.Blocked) return false;
            thread.State = GuestThreadState.Running;
            return true;
        }
    }

    public T? PickNext()
    {
        lock (ready)
        {
            while (ready.TryDequeue(out var t))
            {
                if (t.State != GuestThreadState.Ready) continue;   // killed while queued
                t.State = GuestThreadState.Running;
                return t;
            }
            return null;
        }
    }

    public bool HasReady
    {
        get { lock (ready) return ready.Count > 0; }
    }

    public int ReadyCount
    {
        get { lock (ready) return ready.Count; }
    }
}
