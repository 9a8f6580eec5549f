// Signals: generation (kill, tgkill, faults), delivery and rt_sigreturn, as Linux on AArch64.
//
// A fault becomes a synchronous signal (force_sig_fault): if the program blocks or ignores it,
// the action is reset to the default and the process dies, as Linux does. An asynchronous signal
// is made pending on the process (or one thread) and delivered at the next return to user space:
// after a system call, or at the next interrupt of the vCPU running the thread. Delivery writes
// Linux's exact rt_sigframe (SignalFrame) on the user stack, or on the alternate signal stack
// for SA_ONSTACK, and enters the handler with X0 = signo, X1 = &siginfo, X2 = &ucontext,
// X29 = the frame record, X30 = sa_restorer.
using Fast.Os.Kernel;
using Fast.Os.Linux.Signals;
using Fast.Os.Linux.Syscalls;
using Fast.Os.Process;
using Fast.Os.Scheduling;
using Fast.Runtime;

namespace Fast.Os.Linux;

public sealed unsafe partial class LinuxPersonality
{
    const ulong Unblockable = (1UL << (Sig.SIGKILL - 1)) | (1UL << (Sig.SIGSTOP - 1));

    /// <summary>Sends a signal to a process (kill). Wakes a blocked thread so it can take it.</summary>
    public void SendSignal(GuestProcess process, int sig, GuestThread? target = null, SigSender sender = default)
    {
        if (sig <= 0 || sig > Sig.Max || process.State != ProcessState.Running) return;
        var action = process.Signals.Actions[sig];
        bool ignored = action.Handler == 1 || (action.Handler == 0 && Sig.Default(sig) == SignalDefault.Ignore);
        if (ignored && sig != Sig.SIGKILL) return;
        process.Signals.Senders[sig] = sender;
        if (target is not null) Interlocked.Or(ref target.PendingSignals, Sig.Bit(sig));
        else Interlocked.Or(ref process.Signals.Pending, Sig.Bit(sig));

        List<GuestThread> threads;
        lock (process.Threads) threads = process.Threads.ToList();
        foreach (var t in threads)
        {
            if (target is not null && t != target) continue;
            if ((t.SignalMask & Sig.Bit(sig) & ~Unblockable) != 0) continue;
            var core = os.Cores[Math.Clamp(t.Core, 0, os.Cores.Count - 1)];
            if (t.State == GuestThreadState.Blocked)
            {
                t.Interrupted = true;
                core.MakeReady(t);
            }
            else if (core.Current == t) core.Cpu.RaiseInterrupt(InterruptBits.Os);
            break;
        }
    }

    /// <summary>Whether the signal about to be delivered has a handler installed with SA_RESTART.</summary>
    bool RestartsAfterSignal(GuestThread thread, GuestProcess process)
    {
        ulong deliverable = (process.Signals.Pending | thread.PendingSignals) & (~thread.SignalMask | Unblockable);
        if (deliverable == 0) return false;
        var action = process.Signals.Actions[System.Numerics.BitOperations.TrailingZeroCount(deliverable) + 1];
        return action.Handler > 1 && (action.Flags & Sig.SA_RESTART) != 0;
    }

    public bool HasDeliverableSignal(GuestThread thread, GuestProcess process) =>
        ((Volatile.Read(ref process.Signals.Pending) | Volatile.Read(ref thread.PendingSignals)) & (~thread.SignalMask | Unblockable)) != 0;

    /// <summary>Delivers pending signals to the thread now running on cpu.</summary>
    public Resume DeliverSignals(Vcpu cpu, Core core, GuestThread thread, GuestProcess process)
    {
        while (true)
        {
            ulong deliverable = (process.Signals.Pending | thread.PendingSignals) & (~thread.SignalMask | Unblockable);
            if (deliverable == 0) return Resume.Continue;
            int sig = System.Numerics.BitOperations.TrailingZeroCount(deliverable) + 1;
            ulong bit = Sig.Bit(sig);
            if ((thread.PendingSignals & bit) != 0) Interlocked.And(ref thread.PendingSignals, ~bit);
            else Interlocked.And(ref process.Signals.Pending, ~bit);
            var info = new byte[128];
            var sender = process.Signals.Senders[sig];
            BitConverter.TryWriteBytes(info.AsSpan(0), sig);          // si_signo
            BitConverter.TryWriteBytes(info.AsSpan(8), sender.Code);  // si_code
            BitConverter.TryWriteBytes(info.AsSpan(16), sender.Pid);  // si_pid (si_uid at 20 is 0)
            if (sig == Sig.SIGCHLD) BitConverter.TryWriteBytes(info.AsSpan(24), (int)sender.Value); // si_status
            else BitConverter.TryWriteBytes(info.AsSpan(24), sender.Value);                        // si_value
            var r = Deliver(cpu, thread, process, sig, info, 0, null);
            if (r != Resume.Continue || thread.State == GuestThreadState.Zombie) return r;
        }
    }

    /// <summary>A synchronous fault signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP) for the running thread.</summary>
    public Resume RaiseFault(Vcpu cpu, Core core, GuestThread thread, GuestProcess process, int sig, int code, ulong address, uint esr)
    {
        var action = process.Signals.Actions[sig];
        if ((thread.SignalMask & Sig.Bit(sig)) != 0 || action.Handler == 1)
        {
            // force_sig_fault: a blocked or ignored fault signal kills (the action is reset to default).
            action.Handler = 0;
            thread.SignalMask &= ~Sig.Bit(sig);
        }
        var info = new byte[128];
        BitConverter.TryWriteBytes(info.AsSpan(0), sig);
        BitConverter.TryWriteBytes(info.AsSpan(8), code);
        BitConverter.TryWriteBytes(info.AsSpan(16), address);    // si_addr
        if (action.Handler == 0 && Sig.Default(sig) is SignalDefault.CoreDump or SignalDefault.Terminate)
        {
            // As qemu-aarch64 reports it: the program dies of a fault it did not handle.
            var word = new byte[4];
            string at = process.User.Read(cpu.State->PC, word) == 0 ? $" (instruction 0x{BitConverter.ToUInt32(word):x8})" : "";
            os.Options.Log.WriteLine($"fast: process {process.Pid} killed by uncaught signal {sig} at pc=0x{cpu.State->PC:x}{at}, address 0x{address:x}");
        }
        return Deliver(cpu, thread, process, sig, info, address, esr);
    }

    Resume Deliver(Vcpu cpu, GuestThread thread, GuestProcess process, int sig, byte[] siginfo, ulong faultAddress, uint? esr)
    {
        var action = process.Signals.Actions[sig];
        if (action.Handler == 1) return Resume.Continue;
        if (action.Handler == 0)
        {
            switch (Sig.Default(sig))
            {
                case SignalDefault.Ignore or SignalDefault.Continue or SignalDefault.Stop:
                    return Resume.Continue;
                case SignalDefault.CoreDump:
                    os.ExitProcess(process, sig | 0x80);
                    return Resume.Halt;
                default:
                    os.ExitProcess(process, sig);
                    return Resume.Halt;
            }
        }

        CpuState* c = cpu.State;
        var regs = new SignalFrame.Registers();
        for (int i = 0; i < 31; i++) regs.X[i] = c->X[i];
        regs.Sp = c->X[31];
        regs.Pc = c->PC;
        regs.Pstate = c->Nzcv & 0xF000_0000;
        for (int i = 0; i < 64; i++) regs.V[i] = c->V[i];
        regs.Fpsr = c->Fpsr;
        regs.Fpcr = c->Fpcr;

        bool onAltStack = thread.AltStackFlags == 0 && regs.Sp - thread.AltStackSp < thread.AltStackSize;
        ulong top = (action.Flags & Sig.SA_ONSTACK) != 0 && thread.AltStackFlags == 0 && !onAltStack
            ? thread.AltStackSp + thread.AltStackSize
            : regs.Sp;
        ulong record = (top - SignalFrame.FrameRecordSize) & ~15UL;
        ulong frame = (record - SignalFrame.Size) & ~15UL;

        var bytes = new byte[SignalFrame.Size];
        // rt_sigsuspend/ppoll replaced the mask for the wait: the handler's frame restores the one before.
        ulong savedMask = thread.SavedSignalMask ?? thread.SignalMask;
        thread.SavedSignalMask = null;
        SignalFrame.Write(bytes, siginfo, regs, savedMask, thread.AltStackSp, onAltStack ? 1 : thread.AltStackFlags,
            thread.AltStackSize, faultAddress, esr);
        var recordBytes = new byte[16];
        BitConverter.TryWriteBytes(recordBytes.AsSpan(0), regs.X[29]);
        BitConverter.TryWriteBytes(recordBytes.AsSpan(8), regs.X[30]);
        if (process.User.Write(frame, bytes) != 0 || process.User.Write(record, recordBytes) != 0)
        {
            // No room for the frame: Linux forces SIGSEGV, which kills.
            os.ExitProcess(process, Sig.SIGSEGV | 0x80);
            return Resume.Halt;
        }

        c->X[0] = (ulong)sig;
        c->X[1] = frame;
        c->X[2] = frame + SignalFrame.UContextOffset;
        c->X[29] = record;
        c->X[30] = (action.Flags & Sig.SA_RESTORER) != 0 ? action.Restorer : process.Memory.SigreturnTrampoline;
        c->X[31] = frame;
        c->PC = action.Handler;
        thread.SignalMask |= action.Mask | ((action.Flags & Sig.SA_NODEFER) != 0 ? 0 : Sig.Bit(sig));
        thread.SignalMask &= ~Unblockable;
        if ((action.Flags & Sig.SA_RESETHAND) != 0) action.Handler = 0;
        return Resume.Continue;
    }

    /// <summary>rt_sigreturn: restores the state saved by Deliver from the frame at SP.</summary>
    public long SigReturn(Vcpu cpu, GuestThread thread, GuestProcess process)
    {
        CpuState* c = cpu.State;
        ulong frame = c->X[31];
        var bytes = new byte[SignalFrame.Size];
        var regs = new SignalFrame.Registers();
        if ((frame & 15) != 0 || process.User.Read(frame, bytes) != 0 || !SignalFrame.Read(bytes, regs, out ulong mask))
        {
            os.ExitProcess(process, Sig.SIGSEGV | 0x80);
            return Syscall.NoReturn;
        }
        for (int i = 0; i < 31; i++) c->X[i] = regs.X[i];
        c->X[31] = regs.Sp;
        c->PC = regs.Pc;
        c->Nzcv = regs.Pstate & 0xF000_0000;
        for (int i = 0; i < 64; i++) c->V[i] = regs.V[i];
        c->Fpsr = regs.Fpsr;
        c->Fpcr = regs.Fpcr;
        thread.SignalMask = mask & ~Unblockable;
        return Syscall.NoReturn;
    }
}
