// GuestProcess: a process — pid, parent, address space, files, threads, signal state, exit
// status — as the process manager sees it. Threads are GuestThreads owned by the process.
// Locking: the process table's lock guards Children, State and ExitStatus transitions;
// Memory has its own lock; Files (the VFS context) is used by the process's own threads.
using Fast.Os.Kernel;
using Fast.Os.Vfs;

namespace Fast.Os.Process;

public enum ProcessState : byte { Running, Zombie, Reaped }

public sealed class GuestProcess : IProcessView
{
    public int Pid { get; }
    /// <summary>The native personality's state of this process (its handle table), made on first use.</summary>
    public object? NativeState;
    public GuestProcess? Parent { get; set; }
    public List<GuestProcess> Children { get; } = new();
    public ProcessMemory Memory { get; set; }
    public UserMemory User { get; set; }
    public FsContext Files { get; set; }
    public List<GuestThread> Threads { get; } = new();
    public ProcessState State { get; set; }
    /// <summary>Set once when the process starts exiting (exit_group, a fatal signal).</summary>
    public bool Exiting { get; set; }
    /// <summary>wait4's status word: exit code << 8, or the terminating signal (| 0x80 for a core dump).</summary>
    public int ExitStatus { get; set; }
    public string ExecutablePath { get; set; } = "";
    public string[] Arguments { get; set; } = [];
    public Linux.Signals.SignalState Signals { get; set; } = new();
    /// <summary>Woken when a child becomes a zombie; ready while one is.</summary>
    public WaitQueue ChildExited { get; }
    public int ProcessGroup { get; set; }
    public int Session { get; set; }
    public long StartTicks { get; } = Environment.TickCount64;
    /// <summary>vfork: the parent sleeps until the child execs or exits.</summary>
    public WaitQueue? VforkDone { get; set; }

    public GuestProcess(int pid, ProcessMemory memory, UserMemory user, FsContext files)
    {
        Pid = pid;
        Memory = memory;
        User = user;
        Files = files;
        ProcessGroup = pid;
        Session = pid;
        ChildExited = new WaitQueue(() => { lock (Children) return Children.Any(c => c.State == ProcessState.Zombie); });
    }

    // ---- IProcessView (for /proc) ----
    string IProcessView.ExePath => ExecutablePath;

    public string Maps()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var r in Memory.Space.Regions)
        {
            char rd = (r.Protection & Paging.MapFlags.Read) != 0 ? 'r' : '-';
            char wr = (r.Protection & Paging.MapFlags.Write) != 0 ? 'w' : '-';
            char ex = (r.Protection & Paging.MapFlags.Execute) != 0 ? 'x' : '-';
            string name = r.Kind switch { Paging.RegionKind.Heap => "[heap]", Paging.RegionKind.Stack => "[stack]", _ => r.Name };
            sb.Append($"{r.Start:x8}-{r.End:x8} {rd}{wr}{ex}p 00000000 00:00 0");
            if (name.Length > 0) sb.Append(' ', 10).Append(name);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public override string ToString() => $"process {Pid} ({ExecutablePath})";
}
