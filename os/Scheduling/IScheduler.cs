// IScheduler: the policy that picks the next thread of one core. A core's kernel owns one
// instance and calls it only from that core's host thread, except MakeReady, which any thread
// may call (a waker on another core); implementations lock accordingly.
namespace Fast.Os.Scheduling;

public enum GuestThreadState { New, Ready, Running, Blocked, Zombie }

public interface ISchedulable
{
    int Tid { get; }
    GuestThreadState State { get; set; }
    /// <summary>Changes State from `from` to `to` atomically; false if it was not `from`.</summary>
    bool TrySetState(GuestThreadState from, GuestThreadState to);
}

public interface IScheduler<T> where T : class, ISchedulable
{
    /// <summary>Puts a thread on the run queue (NEW or BLOCKED → READY; otherwise nothing). Any thread may call it.</summary>
    void MakeReady(T thread);

    /// <summary>The running thread was preempted or yielded (RUNNING → READY). Only its core calls it.</summary>
    void Requeue(T thread);

    /// <summary>Claims a BLOCKED thread of this core for a direct switch (BLOCKED → RUNNING, never queued); false if it is not blocked any more.</summary>
    bool TryClaim(T thread);

    /// <summary>Takes the next thread to run, or null if none is ready.</summary>
    T? PickNext();

    /// <summary>True if a thread other than the running one is waiting (the timer then preempts).</summary>
    bool HasReady { get; }

    int ReadyCount { get; }
}
