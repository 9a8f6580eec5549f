// ProcessTable: the process manager — pids, parents and children, zombies and exit statuses.
// Pids and tids share one number space, as in Linux (a thread's tid is a pid-sized number; the
// main thread's tid is the pid). Locking: one lock guards the tables and every parent/child
// link and state transition; wait queues are woken outside it.
using Fast.Os.Kernel;

namespace Fast.Os.Process;

public sealed class ProcessTable
{
    readonly object gate = new();
    readonly Dictionary<int, GuestProcess> processes = new();   // guarded by gate
    readonly Dictionary<int, GuestThread> threads = new();      // guarded by gate
    int nextId = 1;                                             // guarded by gate

    public object Lock => gate;

    public int AllocateId()
    {
        lock (gate) return nextId++;
    }

    public void Add(GuestProcess process)
    {
        lock (gate) processes[process.Pid] = process;
    }

    public void AddThread(GuestThread thread)
    {
        lock (gate) threads[thread.Tid] = thread;
    }

    public void RemoveThread(GuestThread thread)
    {
        lock (gate) threads.Remove(thread.Tid);
    }

    public GuestProcess? Find(int pid)
    {
        lock (gate) return processes.TryGetValue(pid, out var p) ? p : null;   // (GetValueOrDefault is JIT-compiled at start-up)
    }

    public GuestThread? FindThread(int tid)
    {
        lock (gate) return threads.TryGetValue(tid, out var t) ? t : null;
    }

    public List<GuestProcess> All()
    {
        lock (gate) return processes.Values.ToList();
    }

    /// <summary>Makes a process a zombie: reparents its children to init, records the status.</summary>
    public void MarkZombie(GuestProcess process, int status, GuestProcess? init)
    {
        lock (gate)
        {
            process.State = ProcessState.Zombie;
            process.ExitStatus = status;
            lock (process.Children)
            {
                foreach (var child in process.Children)
                {
                    child.Parent = init;
                    if (init is not null && init != process) lock (init.Children) init.Children.Add(child);
                }
                process.Children.Clear();
            }
        }
    }

    /// <summary>wait4's search: a zombie child matching pid (-1 any, 0 same group, < -1 group), or why not.</summary>
    public GuestProcess? FindZombieChild(GuestProcess parent, int pid, out bool anyMatching)
    {
        lock (gate)
        {
            lock (parent.Children)
            {
                var matching = parent.Children.Where(c => Matches(c, parent, pid)).ToList();
                anyMatching = matching.Count > 0;
                return matching.FirstOrDefault(c => c.State == ProcessState.Zombie);
            }
        }
    }

    public void Reap(GuestProcess parent, GuestProcess child)
    {
        lock (gate)
        {
            child.State = ProcessState.Reaped;
            lock (parent.Children) parent.Children.Remove(child);
            processes.Remove(child.Pid);
        }
    }

    static bool Matches(GuestProcess child, GuestProcess parent, int pid) => pid switch
    {
        -1 => true,
        0 => child.ProcessGroup == parent.ProcessGroup,
        < -1 => child.ProcessGroup == -pid,
        _ => child.Pid == pid,
    };
}
