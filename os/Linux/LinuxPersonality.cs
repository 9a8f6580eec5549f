// LinuxPersonality: the Linux AArch64 system-call ABI on top of Fast's kernel. It decodes an
// SVC (number in X8, arguments in X0-X5, result in X0 with -errno for errors), finds the handler
// in SyscallTable, logs the call for --strace, reports an unimplemented number once on the
// console, and turns a handler's "blocked" answer into a parked thread whose SVC re-executes
// when it is woken (Linux's restartable system calls). Signals (LinuxSignals.cs) and program
// loading (LinuxExec.cs) are the other two halves of the personality.
using System.Diagnostics;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Syscalls;
using Fast.Os.Process;
using Fast.Runtime;
using Fast.Runtime.Observability;

namespace Fast.Os.Linux;

public sealed unsafe partial class LinuxPersonality
{
    readonly FastOs os;
    // Read at the first system call, not at boot: building the table (reflection) can then happen on
    // `fast run`'s warming thread while this one boots.
    SyscallTable? table;
    readonly Dictionary<int, object?> reportedMissing = new();   // a set (HashSet<int>'s constructor is JIT-compiled at start-up)

    public long SyscallCount;

    public LinuxPersonality(FastOs os) => this.os = os;

    public Resume Dispatch(Vcpu cpu, Core core, GuestThread thread, GuestProcess process)
    {
        CpuState* c = cpu.State;
        int number = (int)c->X[8];
        var entry = (table ??= SyscallTable.Instance)[number];
        SyscallCount++;
        var ctx = new SyscallContext { Os = os, Cpu = cpu, Core = core, Thread = thread, Process = process, Number = number };

        string? traceLine = os.Options.Strace ? Strace.Format(entry, number, ctx) : null;
        bool traced = FastEventSource.SyscallEnabled;
        long started = traced ? Stopwatch.GetTimestamp() : 0;
        if (traced) FastEventSource.Log.SyscallStart(process.Pid, thread.Tid, number, c->X[0], c->X[1], c->X[2]);

        long result;
        if (entry is null)
        {
            ReportMissing(number);
            result = Errno.ENOSYS.Neg();
        }
        else result = entry.Handler(ctx);

        if (traced) FastEventSource.Log.SyscallStop(process.Pid, thread.Tid, number, result, Stopwatch.GetTimestamp() - started);
        if (traceLine is not null && result != Syscall.Blocked) os.Options.Log.WriteLine(Strace.Result(traceLine, process.Pid, result));

        if (result == Syscall.Blocked)
        {
            if (HasDeliverableSignal(thread, process))
            {
                // A signal is already pending: the call does not sleep. With SA_RESTART it re-executes
                // after the handler (X0 still holds its first argument); otherwise it fails with EINTR.
                thread.State = Scheduling.GuestThreadState.Running;
                thread.WakeDeadline = 0;
                if (RestartsAfterSignal(thread, process)) c->PC -= 4;
                else c->X[0] = unchecked((ulong)Errno.EINTR.Neg());
                return DeliverSignals(cpu, core, thread, process);
            }
            c->PC -= 4;   // re-execute the SVC when the thread is woken
            return Resume.Halt;
        }
        if (result != Syscall.NoReturn) c->X[0] = (ulong)result;
        // A call may complete and still park the thread after it (vfork's parent): leave the core.
        if (thread.State is Scheduling.GuestThreadState.Zombie or Scheduling.GuestThreadState.Blocked) return Resume.Halt;
        if (HasDeliverableSignal(thread, process)) return DeliverSignals(cpu, core, thread, process);
        return Resume.Continue;
    }

    void ReportMissing(int number)
    {
        lock (reportedMissing)
            if (!reportedMissing.TryAdd(number, null)) return;
        os.Options.Log.WriteLine($"fast: unimplemented system call {SyscallNames.Of(number) ?? "unknown"} ({number}): returning -ENOSYS");
    }
}

/// <summary>Blocking helpers for handlers: park the calling thread until a waitable is ready or a deadline passes.</summary>
public static class Blocking
{
    /// <summary>Parks the thread until w is ready (then the call re-executes). Returns Syscall.Blocked.</summary>
    public static long Block(this SyscallContext ctx, Vfs.IWaitable w)
    {
        var thread = ctx.Thread;
        var core = ctx.Core;
        thread.State = Scheduling.GuestThreadState.Blocked;
        w.AddWaiter(() => core.MakeReady(thread));
        return Syscall.Blocked;
    }

    /// <summary>Parks the thread until the absolute host deadline (Stopwatch ticks). Returns Syscall.Blocked.</summary>
    public static long BlockUntil(this SyscallContext ctx, long deadline)
    {
        var thread = ctx.Thread;
        var core = ctx.Core;
        thread.WakeDeadline = deadline;
        thread.State = Scheduling.GuestThreadState.Blocked;
        DeadlineTimer.Schedule(deadline, () => core.MakeReady(thread));
        return Syscall.Blocked;
    }

    /// <summary>True if the thread was woken from a block by a signal; clears the flag.</summary>
    public static bool TakeInterrupted(this SyscallContext ctx)
    {
        if (!ctx.Thread.Interrupted) return false;
        ctx.Thread.Interrupted = false;
        ctx.Thread.WakeDeadline = 0;
        return true;
    }
}
