// WaitQueue: threads parked on a condition (a pipe becoming readable, a futex word, a child
// exiting). Blocking is cooperative with the scheduler: a syscall that must wait adds the
// current thread here, marks it BLOCKED and rewinds its PC to the SVC, so the call is simply
// re-issued when the thread runs again (Linux's restartable-syscall idea). WakeAll hands every
// waiter back to its core's scheduler. Locking: one lock per queue.
namespace Fast.Os.Kernel;

public sealed class WaitQueue
{
    readonly List<Action> waiters = new();   // guarded by waiters

    public void Add(Action wake)
    {
        lock (waiters) waiters.Add(wake);
    }

    public int WakeAll()
    {
        Action[] toWake;
        lock (waiters)
        {
            if (waiters.Count == 0) return 0;
            toWake = waiters.ToArray();
            waiters.Clear();
        }
        foreach (var wake in toWake) wake();
        return toWake.Length;
    }

    public int WakeOne()
    {
        Action wake;
        lock (waiters)
        {
            if (waiters.Count == 0) return 0;
            wake = waiters[0];
            waiters.RemoveAt(0);
        }
        wake();
        return 1;
    }

    public int Count
    {
        get { lock (waiters) return waiters.Count; }
    }
}
