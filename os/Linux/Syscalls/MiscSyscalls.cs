// Miscellaneous system calls: uname, getrandom, prlimit64/getrlimit/setrlimit, sched_yield,
// sched_getaffinity/setaffinity, getcpu, sysinfo.
using System.Text;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Scheduling;
using Fast.Runtime;

namespace Fast.Os.Linux.Syscalls;

static partial class MiscSyscalls
{
    [Syscall(160, "buf")]
    static long Uname(SyscallContext c)
    {
        var b = new byte[65 * 6];
        string[] fields = ["Linux", "fast", "6.1.0-fast", "#1 SMP PREEMPT_DYNAMIC", "aarch64", "(none)"];
        for (int i = 0; i < fields.Length; i++) Encoding.ASCII.GetBytes(fields[i]).CopyTo(b.AsSpan(i * 65));
        return c.User.Write(c.Arg(0), b) != 0 ? Errno.EFAULT.Neg() : 0;
    }

    [Syscall(278, "buf, count, flags")]
    static long GetRandom(SyscallContext c)
    {
        var b = new byte[(int)Math.Min(c.Arg(1), 1 << 20)];
        Vfs.Host.HostNative.Random(b);
        return c.User.Write(c.Arg(0), b) != 0 ? Errno.EFAULT.Neg() : b.Length;
    }

    static (ulong Cur, ulong Max) Limit(int resource) => resource switch
    {
        3 => (8UL << 20, ulong.MaxValue),       // RLIMIT_STACK
        7 => (1024, 1024),                      // RLIMIT_NOFILE (the fd table's limit)
        _ => (ulong.MaxValue, ulong.MaxValue),
    };

    [Syscall(261, "pid, resource, new_limit, old_limit")]
    static long Prlimit64(SyscallContext c)
    {
        int resource = c.IntArg(1);
        if (resource < 0 || resource > 15) return Errno.EINVAL.Neg();
        if (c.Arg(3) != 0)
        {
            var (cur, max) = Limit(resource);
            var b = new byte[16];
            BitConverter.TryWriteBytes(b.AsSpan(0), cur);
            BitConverter.TryWriteBytes(b.AsSpan(8), max);
            if (c.User.Write(c.Arg(3), b) != 0) return Errno.EFAULT.Neg();
        }
        return 0;
    }

    [Syscall(163, "resource, rlim")]
    static long GetRlimit(SyscallContext c)
    {
        int resource = c.IntArg(0);
        if (resource < 0 || resource > 15) return Errno.EINVAL.Neg();
        var (cur, max) = Limit(resource);
        var b = new byte[16];
        BitConverter.TryWriteBytes(b.AsSpan(0), cur);
        BitConverter.TryWriteBytes(b.AsSpan(8), max);
        return c.User.Write(c.Arg(1), b) != 0 ? Errno.EFAULT.Neg() : 0;
    }

    [Syscall(164, "resource, rlim")] static long SetRlimit(SyscallContext c) => 0;

    [Syscall(124)]
    static long SchedYield(SyscallContext c)
    {
        // Leave the core at the next block boundary if another thread is ready (round robin).
        c.Cpu.RaiseInterrupt(InterruptBits.Timer);
        return 0;
    }

    static ulong AllCores(SyscallContext c) => c.Os.Cores.Count >= 64 ? ulong.MaxValue : (1UL << c.Os.Cores.Count) - 1;

    static GuestThread? AffinityTarget(SyscallContext c)
    {
        int tid = c.IntArg(0);
        return tid == 0 || tid == c.Thread.Tid ? c.Thread : c.Os.Processes.FindThread(tid);
    }

    [Syscall(123, "pid, cpusetsize, mask")]
    static long SchedGetaffinity(SyscallContext c)
    {
        ulong size = c.Arg(1);
        if (size < 8 || (size & 7) != 0) return Errno.EINVAL.Neg();
        if (AffinityTarget(c) is not { } t) return Errno.ESRCH.Neg();
        return c.User.TryWrite64(c.Arg(2), t.Affinity & AllCores(c)) ? 8 : Errno.EFAULT.Neg();
    }

    /// <summary>
    /// Pins a thread to a set of cores. The calling thread leaves its core at once if the set
    /// excludes it (it continues on the lowest allowed core); another thread moves when it next
    /// leaves its core.
    /// </summary>
    [Syscall(122, "pid, cpusetsize, mask")]
    static long SchedSetaffinity(SyscallContext c)
    {
        if (c.Arg(1) < 8) return Errno.EINVAL.Neg();
        if (!c.User.TryRead64(c.Arg(2), out ulong mask)) return Errno.EFAULT.Neg();
        mask &= AllCores(c);
        if (mask == 0) return Errno.EINVAL.Neg();
        if (AffinityTarget(c) is not { } t) return Errno.ESRCH.Neg();
        t.Affinity = mask;
        int core = t == c.Thread ? c.Core.Id : t.Core;
        if ((mask & (1UL << core)) != 0) return 0;
        t.MigrateTo = System.Numerics.BitOperations.TrailingZeroCount(mask);
        if (t == c.Thread)
        {
            t.MigratingSelf = true;
            t.State = GuestThreadState.Blocked;   // off this core now; Core.Migrate makes it ready there
        }
        return 0;
    }

    [Syscall(168, "cpu, node, tcache")]
    static long GetCpu(SyscallContext c)
    {
        if (c.Arg(0) != 0 && !c.User.TryWrite32(c.Arg(0), (uint)c.Core.Id)) return Errno.EFAULT.Neg();
        if (c.Arg(1) != 0 && !c.User.TryWrite32(c.Arg(1), 0)) return Errno.EFAULT.Neg();
        return 0;
    }

    [Syscall(179, "info")]
    static long Sysinfo(SyscallContext c)
    {
        var stats = c.Kernel.Memory.Stats;
        var b = new byte[112];
        BitConverter.TryWriteBytes(b.AsSpan(0), Environment.TickCount64 / 1000);    // uptime
        BitConverter.TryWriteBytes(b.AsSpan(32), stats.Total);                       // totalram
        BitConverter.TryWriteBytes(b.AsSpan(40), stats.Free);                        // freeram
        BitConverter.TryWriteBytes(b.AsSpan(80), (ushort)c.Os.Processes.All().Count); // procs
        BitConverter.TryWriteBytes(b.AsSpan(104), 1u);                               // mem_unit
        return c.User.Write(c.Arg(0), b) != 0 ? Errno.EFAULT.Neg() : 0;
    }
}
