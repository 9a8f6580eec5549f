// Signal and futex system calls: rt_sigaction, rt_sigprocmask, rt_sigreturn, sigaltstack,
// kill, tkill, tgkill, rt_sigpending, rt_sigsuspend, futex.
using System.Diagnostics;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Signals;
using Fast.Os.Process;

namespace Fast.Os.Linux.Syscalls;

static partial class SignalSyscalls
{
    const ulong Unblockable = (1UL << (Sig.SIGKILL - 1)) | (1UL << (Sig.SIGSTOP - 1));

    [Syscall(134, "sig, act, oact, sigsetsize")]
    static long RtSigaction(SyscallContext c)
    {
        int sig = c.IntArg(0);
        if (sig < 1 || sig > Sig.Max || c.Arg(3) != 8) return Errno.EINVAL.Neg();
        var action = c.Process.Signals.Actions[sig];
        if (c.Arg(2) != 0)
        {
            var old = new byte[32];
            BitConverter.TryWriteBytes(old.AsSpan(0), action.Handler);
            BitConverter.TryWriteBytes(old.AsSpan(8), action.Flags);
            BitConverter.TryWriteBytes(old.AsSpan(16), action.Restorer);
            BitConverter.TryWriteBytes(old.AsSpan(24), action.Mask);
            if (c.User.Write(c.Arg(2), old) != 0) return Errno.EFAULT.Neg();
        }
        if (c.Arg(1) != 0)
        {
            if (sig is Sig.SIGKILL or Sig.SIGSTOP) return Errno.EINVAL.Neg();
            var bytes = new byte[32];
            if (c.User.Read(c.Arg(1), bytes) != 0) return Errno.EFAULT.Neg();
            action.Handler = BitConverter.ToUInt64(bytes, 0);
            action.Flags = BitConverter.ToUInt64(bytes, 8);
            action.Restorer = BitConverter.ToUInt64(bytes, 16);
            action.Mask = BitConverter.ToUInt64(bytes, 24) & ~Unblockable;
            if (action.Handler == 1) Interlocked.And(ref c.Process.Signals.Pending, ~Sig.Bit(sig));
        }
        return 0;
    }

    [Syscall(135, "how, set, oldset, sigsetsize")]
    static long RtSigprocmask(SyscallContext c)
    {
        if (c.Arg(3) != 8) return Errno.EINVAL.Neg();
        ulong old = c.Thread.SignalMask;
        if (c.Arg(1) != 0)
        {
            if (!c.User.TryRead64(c.Arg(1), out ulong set)) return Errno.EFAULT.Neg();
            switch (c.IntArg(0))
            {
                case 0: c.Thread.SignalMask |= set; break;
                case 1: c.Thread.SignalMask &= ~set; break;
                case 2: c.Thread.SignalMask = set; break;
                default: return Errno.EINVAL.Neg();
            }
            c.Thread.SignalMask &= ~Unblockable;
        }
        if (c.Arg(2) != 0 && !c.User.TryWrite64(c.Arg(2), old)) return Errno.EFAULT.Neg();
        return 0;
    }

    [Syscall(139)]
    static long RtSigreturn(SyscallContext c) => c.Os.Linux.SigReturn(c.Cpu, c.Thread, c.Process);

    [Syscall(136, "set, sigsetsize")]
    static long RtSigpending(SyscallContext c) =>
        c.User.TryWrite64(c.Arg(0), (c.Process.Signals.Pending | c.Thread.PendingSignals) & c.Thread.SignalMask) ? 0 : Errno.EFAULT.Neg();

    [Syscall(132, "ss, old_ss")]
    static long Sigaltstack(SyscallContext c)
    {
        var t = c.Thread;
        if (c.Arg(1) != 0)
        {
            var old = new byte[24];
            BitConverter.TryWriteBytes(old.AsSpan(0), t.AltStackSp);
            BitConverter.TryWriteBytes(old.AsSpan(8), t.AltStackFlags);
            BitConverter.TryWriteBytes(old.AsSpan(16), t.AltStackSize);
            if (c.User.Write(c.Arg(1), old) != 0) return Errno.EFAULT.Neg();
        }
        if (c.Arg(0) != 0)
        {
            var bytes = new byte[24];
            if (c.User.Read(c.Arg(0), bytes) != 0) return Errno.EFAULT.Neg();
            int flags = BitConverter.ToInt32(bytes, 8);
            ulong size = BitConverter.ToUInt64(bytes, 16);
            const int SS_DISABLE = 2, MINSIGSTKSZ = 5120;
            if ((flags & ~SS_DISABLE & ~unchecked((int)0x80000000)) != 0) return Errno.EINVAL.Neg();
            if ((flags & SS_DISABLE) == 0 && size < MINSIGSTKSZ) return Errno.ENOMEM.Neg();
            t.AltStackSp = BitConverter.ToUInt64(bytes, 0);
            t.AltStackSize = size;
            t.AltStackFlags = flags & SS_DISABLE;
        }
        return 0;
    }

    [Syscall(129, "pid, sig")]
    static long Kill(SyscallContext c)
    {
        int pid = c.IntArg(0), sig = c.IntArg(1);
        if (sig < 0 || sig > Sig.Max) return Errno.EINVAL.Neg();
        int group = pid == 0 ? c.Process.ProcessGroup : -pid;
        var targets = c.Os.Processes.All().Where(x => x.State == ProcessState.Running && !x.Exiting && (
            pid > 0 ? x.Pid == pid : pid == -1 ? x.Pid != 1 && x != c.Process : x.ProcessGroup == group)).ToList();
        if (targets.Count == 0) return Errno.ESRCH.Neg();
        if (sig != 0) foreach (var target in targets) c.Os.Linux.SendSignal(target, sig, sender: new SigSender(0 /* SI_USER */, c.Process.Pid, 0));
        return 0;
    }

    [Syscall(131, "tgid, tid, sig")]
    static long Tgkill(SyscallContext c) => ThreadKill(c, c.IntArg(0), c.IntArg(1), c.IntArg(2));

    [Syscall(130, "tid, sig")]
    static long Tkill(SyscallContext c) => ThreadKill(c, -1, c.IntArg(0), c.IntArg(1));

    static long ThreadKill(SyscallContext c, int tgid, int tid, int sig)
    {
        if (sig < 0 || sig > Sig.Max || tid <= 0) return Errno.EINVAL.Neg();
        var thread = c.Os.Processes.FindThread(tid);
        if (thread?.Owner is not GuestProcess process || (tgid != -1 && process.Pid != tgid)) return Errno.ESRCH.Neg();
        if (sig != 0) c.Os.Linux.SendSignal(process, sig, thread, new SigSender(-6 /* SI_TKILL */, c.Process.Pid, 0));
        return 0;
    }

    [Syscall(98, "uaddr, op, val, timeout, uaddr2, val3")]
    static long Futex(SyscallContext c)
    {
        const int WAIT = 0, WAKE = 1, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5, WAIT_BITSET = 9, WAKE_BITSET = 10;
        const int PRIVATE = 128, CLOCK_REALTIME = 256;
        int op = c.IntArg(1) & ~(PRIVATE | CLOCK_REALTIME);
        ulong address = c.Arg(0);
        var linux = c.Os.Linux;
        switch (op)
        {
            case WAIT or WAIT_BITSET:
            {
                uint bitset = op == WAIT_BITSET ? (uint)c.Arg(5) : uint.MaxValue;
                if (bitset == 0) return Errno.EINVAL.Neg();
                long deadline = c.Thread.WakeDeadline;
                if (deadline == 0 && c.Arg(3) != 0)
                {
                    var ts = new byte[16];
                    if (c.User.Read(c.Arg(3), ts) != 0) return Errno.EFAULT.Neg();
                    long sec = BitConverter.ToInt64(ts, 0), nsec = BitConverter.ToInt64(ts, 8);
                    if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000) return Errno.EINVAL.Neg();
                    // FUTEX_WAIT takes a relative timeout; FUTEX_WAIT_BITSET an absolute one on its clock.
                    double seconds = op == WAIT ? sec + nsec / 1e9 : sec + nsec / 1e9 - TimeSyscalls.ClockSeconds(c.IntArg(1) & CLOCK_REALTIME) ;
                    deadline = Stopwatch.GetTimestamp() + (long)(Math.Max(seconds, 0) * Stopwatch.Frequency) + 1;
                }
                return linux.FutexWait(c, address, (uint)c.Arg(2), deadline, bitset);
            }
            case WAKE: return linux.FutexWake(c.Process, address, (int)Math.Min(c.Arg(2), int.MaxValue));
            case WAKE_BITSET:
                return c.Arg(5) == 0 ? Errno.EINVAL.Neg() : linux.FutexWake(c.Process, address, (int)Math.Min(c.Arg(2), int.MaxValue), (uint)c.Arg(5));
            case REQUEUE or CMP_REQUEUE:
            {
                if (op == CMP_REQUEUE)
                {
                    var v = new byte[4];
                    if (c.User.Read(address, v) != 0) return Errno.EFAULT.Neg();
                    if (BitConverter.ToUInt32(v) != (uint)c.Arg(5)) return Errno.EAGAIN.Neg();
                }
                return linux.FutexRequeue(c.Process, address, c.Arg(4), (int)Math.Min(c.Arg(2), int.MaxValue), (int)Math.Min(c.Arg(3), int.MaxValue));
            }
            case WAKE_OP: return WakeOp(c);
            default: return Errno.ENOSYS.Neg();
        }
    }

    /// <summary>FUTEX_WAKE_OP: *uaddr2 = op(*uaddr2, oparg); wake uaddr; if cmp(old, cmparg) wake uaddr2.</summary>
    static long WakeOp(SyscallContext c)
    {
        uint encoded = (uint)c.Arg(5);
        int op = (int)(encoded >> 28) & 7, cmp = (int)(encoded >> 24) & 15;
        uint oparg = (encoded >> 12) & 0xFFF, cmparg = encoded & 0xFFF;
        if ((encoded >> 31) != 0) oparg = 1u << (int)oparg;
        ulong address2 = c.Arg(4);
        var v = new byte[4];
        if (c.User.Read(address2, v) != 0) return Errno.EFAULT.Neg();
        uint old = BitConverter.ToUInt32(v);
        uint updated = op switch { 0 => oparg, 1 => old + oparg, 2 => old | oparg, 3 => old & ~oparg, 4 => old ^ oparg, _ => old };
        if (!c.User.TryWrite32(address2, updated)) return Errno.EFAULT.Neg();
        var linux = c.Os.Linux;
        int woken = linux.FutexWake(c.Process, c.Arg(0), (int)Math.Min(c.Arg(2), int.MaxValue));
        bool condition = cmp switch { 0 => old == cmparg, 1 => old != cmparg, 2 => (int)old < (int)cmparg, 3 => (int)old <= (int)cmparg, 4 => (int)old > (int)cmparg, 5 => (int)old >= (int)cmparg, _ => false };
        if (condition) woken += linux.FutexWake(c.Process, address2, (int)Math.Min(c.Arg(3), int.MaxValue));
        return woken;
    }
}
