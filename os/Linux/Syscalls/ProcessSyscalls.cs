// Process and thread system calls: clone (threads, fork, vfork), execve, exit, exit_group,
// wait4, the id calls, set_tid_address, set_robust_list, rseq.
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Signals;
using Fast.Os.Process;
using Fast.Os.Scheduling;

namespace Fast.Os.Linux.Syscalls;

static unsafe partial class ProcessSyscalls
{
    const ulong CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800, CLONE_VFORK = 0x4000,
        CLONE_PARENT = 0x8000, CLONE_THREAD = 0x10000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000,
        CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000;

    [Syscall(172)] static long GetPid(SyscallContext c) => c.Process.Pid;
    [Syscall(173)] static long GetPpid(SyscallContext c) => c.Process.Parent?.Pid ?? 0;
    [Syscall(178)] static long GetTid(SyscallContext c) => c.Thread.Tid;

    [Syscall(96, "tidptr")]
    static long SetTidAddress(SyscallContext c)
    {
        c.Thread.ClearChildTid = c.Arg(0);
        return c.Thread.Tid;
    }

    [Syscall(99, "head, len")]
    static long SetRobustList(SyscallContext c)
    {
        if (c.Arg(1) != 24) return Errno.EINVAL.Neg();
        c.Thread.RobustList = c.Arg(0);
        return 0;
    }

    /// <summary>
    /// rseq(2) registration: the kernel keeps cpu_id_start and cpu_id (offsets 0 and 4 of struct rseq)
    /// equal to the thread's core, which glibc's sched_getcpu reads. Threads stay on the core they were
    /// placed on until sched_setaffinity moves them, and a move rewrites the value (FastOs, Core.Migrate)
    /// while the thread is off every core; no critical section is ever interrupted mid-way by a
    /// migration, so rseq_cs needs no fix-up.
    /// </summary>
    [Syscall(293, "rseq, len, flags, sig")]
    static long Rseq(SyscallContext c)
    {
        const int RSEQ_FLAG_UNREGISTER = 1;
        ulong area = c.Arg(0);
        uint length = (uint)c.Arg(1);
        if ((c.IntArg(2) & RSEQ_FLAG_UNREGISTER) != 0)
        {
            if (c.Thread.RseqArea != area) return Errno.EINVAL.Neg();
            c.Thread.RseqArea = 0;
            return 0;
        }
        if (c.IntArg(2) != 0 || length < 32 || (area & 31) != 0) return Errno.EINVAL.Neg();
        if (c.Thread.RseqArea != 0) return c.Thread.RseqArea == area ? Errno.EBUSY.Neg() : Errno.EINVAL.Neg();
        if (!c.User.TryWrite32(area, (uint)c.Core.Id) || !c.User.TryWrite32(area + 4, (uint)c.Core.Id)) return Errno.EFAULT.Neg();
        c.Thread.RseqArea = area;
        return 0;
    }

    [Syscall(220, "flags, stack, parent_tid, tls, child_tid")]
    static long Clone(SyscallContext c)
    {
        ulong flags = c.Arg(0), stack = c.Arg(1), parentTid = c.Arg(2), tls = c.Arg(3), childTid = c.Arg(4);
        return (flags & CLONE_THREAD) != 0 ? CloneThread(c, flags, stack, parentTid, tls, childTid) : Fork(c, flags, stack, parentTid, tls, childTid);
    }

    static long CloneThread(SyscallContext c, ulong flags, ulong stack, ulong parentTid, ulong tls, ulong childTid)
    {
        if ((flags & CLONE_VM) == 0 || (flags & CLONE_SIGHAND) == 0) return Errno.EINVAL.Neg();
        var os = c.Os;
        int tid = os.Processes.AllocateId();
        var thread = os.NewThread(c.Process, tid);
        thread.Context.SaveFrom(c.State);
        thread.Context.X[0] = 0;
        if (stack != 0) thread.Context.X[31] = stack;
        if ((flags & CLONE_SETTLS) != 0) thread.Context.TpidrEl0 = tls;
        thread.SignalMask = c.Thread.SignalMask;
        thread.Affinity = c.Thread.Affinity;
        if ((flags & CLONE_PARENT_SETTID) != 0) c.User.TryWrite32(parentTid, (uint)tid);
        if ((flags & CLONE_CHILD_SETTID) != 0) c.User.TryWrite32(childTid, (uint)tid);
        if ((flags & CLONE_CHILD_CLEARTID) != 0) thread.ClearChildTid = childTid;
        os.PlaceThread(thread);
        return tid;
    }

    static long Fork(SyscallContext c, ulong flags, ulong stack, ulong parentTid, ulong tls, ulong childTid)
    {
        var os = c.Os;
        var parent = c.Process;
        int pid = os.Processes.AllocateId();
        // A CLONE_VM child without CLONE_THREAD (vfork, posix_spawn) gets a copy-on-write copy: it
        // only runs until execve or _exit, during which the parent waits (CLONE_VFORK).
        var memory = parent.Memory.ForkCopy();
        var child = new GuestProcess(pid, memory, new UserMemory(memory.Kernel, memory), parent.Files.Fork((flags & CLONE_FILES) != 0))
        {
            Parent = (flags & CLONE_PARENT) != 0 ? parent.Parent : parent,
            ExecutablePath = parent.ExecutablePath,
            Arguments = parent.Arguments,
            Signals = parent.Signals.ForkCopy(),
            ProcessGroup = parent.ProcessGroup,
            Session = parent.Session,
        };
        child.Files.Process = child;
        var thread = os.NewThread(child, pid);
        thread.Context.SaveFrom(c.State);
        thread.Context.X[0] = 0;
        if (stack != 0) thread.Context.X[31] = stack;
        if ((flags & CLONE_SETTLS) != 0) thread.Context.TpidrEl0 = tls;
        thread.SignalMask = c.Thread.SignalMask;
        // Linux keeps a fork child's rseq registration (same address in the copied memory; a CLONE_VM
        // child shares the parent's area and must register its own): glibc's sched_getcpu reads it.
        if ((flags & CLONE_VM) == 0) thread.RseqArea = c.Thread.RseqArea;
        thread.Affinity = c.Thread.Affinity;   // inherited, as Linux does
        if ((flags & CLONE_CHILD_CLEARTID) != 0) thread.ClearChildTid = childTid;
        if ((flags & CLONE_CHILD_SETTID) != 0) child.User.TryWrite32(childTid, (uint)pid);
        if ((flags & CLONE_PARENT_SETTID) != 0) c.User.TryWrite32(parentTid, (uint)pid);
        os.Processes.Add(child);
        var owner = child.Parent ?? parent;
        lock (owner.Children) owner.Children.Add(child);

        if ((flags & CLONE_VFORK) != 0)
        {
            child.VforkDone = new Vfs.WaitQueue(() => child.VforkDone is null || child.State != ProcessState.Running || child.Exiting);
            var done = child.VforkDone;
            os.PlaceThread(thread);
            // The parent gets the pid once the child has exec'd or exited: the call completes now and
            // the thread parks after it (Dispatch halts a thread left BLOCKED by a completed call).
            c.Thread.State = GuestThreadState.Blocked;
            var core = c.Core;
            var me = c.Thread;
            done.AddWaiter(() => core.MakeReady(me));
            return pid;
        }
        os.PlaceThread(thread);
        return pid;
    }

    [Syscall(221, "filename, argv, envp")]
    static long Execve(SyscallContext c)
    {
        var path = FileSyscalls.Path(c, 0);
        if (path is null) return Errno.EFAULT.Neg();
        var args = ReadStringArray(c, c.Arg(1));
        var env = ReadStringArray(c, c.Arg(2));
        if (args is null || env is null) return Errno.EFAULT.Neg();
        // Other threads of the process end (execve(2): "all threads other than the calling thread are destroyed").
        List<GuestThread> others;
        lock (c.Process.Threads) others = c.Process.Threads.Where(t => t != c.Thread).ToList();
        long r = c.Os.Linux.Exec(c.Process, c.Thread, path, args, env, c.Cpu);
        if (r == Syscall.NoReturn)
            foreach (var t in others) c.Os.EndThread(t);
        return r;
    }

    static List<string>? ReadStringArray(SyscallContext c, ulong address)
    {
        var list = new List<string>();
        if (address == 0) return list;
        for (int i = 0; i < 65536; i++)
        {
            if (!c.User.TryRead64(address + (ulong)i * 8, out ulong p)) return null;
            if (p == 0) return list;
            var s = c.User.ReadCString(p, 128 * 1024);
            if (s is null) return null;
            list.Add(s);
        }
        return null;
    }

    [Syscall(93, "code")]
    static long Exit(SyscallContext c)
    {
        c.Os.ExitThread(c.Thread, c.Process, (c.IntArg(0) & 0xFF) << 8);
        return Syscall.NoReturn;
    }

    [Syscall(94, "code")]
    static long ExitGroup(SyscallContext c)
    {
        c.Os.ExitProcess(c.Process, (c.IntArg(0) & 0xFF) << 8);
        return Syscall.NoReturn;
    }

    [Syscall(260, "pid, wstatus, options, rusage")]
    static long Wait4(SyscallContext c)
    {
        const int WNOHANG = 1;
        int pid = c.IntArg(0), options = c.IntArg(2);
        var zombie = c.Os.Processes.FindZombieChild(c.Process, pid, out bool any);
        if (zombie is null)
        {
            if (!any) return Errno.ECHILD.Neg();
            if ((options & WNOHANG) != 0) return 0;
            if (c.TakeInterrupted()) return Errno.EINTR.Neg();
            return c.Block(c.Process.ChildExited);
        }
        if (c.Arg(1) != 0 && !c.User.TryWrite32(c.Arg(1), (uint)zombie.ExitStatus)) return Errno.EFAULT.Neg();
        if (c.Arg(3) != 0 && c.User.Write(c.Arg(3), new byte[144]) != 0) return Errno.EFAULT.Neg();
        c.Os.Processes.Reap(c.Process, zombie);
        return zombie.Pid;
    }

    [Syscall(174)] static long GetUid(SyscallContext c) => 0;
    [Syscall(175)] static long GetEuid(SyscallContext c) => 0;
    [Syscall(176)] static long GetGid(SyscallContext c) => 0;
    [Syscall(177)] static long GetEgid(SyscallContext c) => 0;
    [Syscall(146, "uid")] static long SetUid(SyscallContext c) => 0;
    [Syscall(144, "gid")] static long SetGid(SyscallContext c) => 0;
    [Syscall(158, "size, list")] static long GetGroups(SyscallContext c) => 0;

    [Syscall(155, "pid")]
    static long GetPgid(SyscallContext c)
    {
        var p = c.IntArg(0) == 0 ? c.Process : c.Os.Processes.Find(c.IntArg(0));
        return p is null ? Errno.ESRCH.Neg() : p.ProcessGroup;
    }

    [Syscall(154, "pid, pgid")]
    static long SetPgid(SyscallContext c)
    {
        var p = c.IntArg(0) == 0 ? c.Process : c.Os.Processes.Find(c.IntArg(0));
        if (p is null) return Errno.ESRCH.Neg();
        p.ProcessGroup = c.IntArg(1) == 0 ? p.Pid : c.IntArg(1);
        return 0;
    }

    [Syscall(156, "pid")]
    static long GetSid(SyscallContext c)
    {
        var p = c.IntArg(0) == 0 ? c.Process : c.Os.Processes.Find(c.IntArg(0));
        return p is null ? Errno.ESRCH.Neg() : p.Session;
    }

    [Syscall(157)]
    static long SetSid(SyscallContext c)
    {
        if (c.Process.ProcessGroup == c.Process.Pid && c.Process.Session == c.Process.Pid && c.Process != c.Os.Init) return Errno.EPERM.Neg();
        c.Process.Session = c.Process.ProcessGroup = c.Process.Pid;
        return c.Process.Pid;
    }
}
