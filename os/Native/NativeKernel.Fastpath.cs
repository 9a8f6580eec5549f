// NativeKernel.Fastpath: sending and receiving on channels, with the fast paths that keep a same-
// core round trip inside one vCPU run.
//
// Parking: a receiver that finds its end empty (after a bounded spin on a UMP ring) parks a
// ReceiveWaiter on the end and leaves the vCPU; a sender wakes it after publishing (Channel.cs).
// The receiver re-checks the ring after parking, so a message published between its check and
// its park is never missed (both sides use full fences between the publication and the look).
//
// Direct delivery (the LMP handoff, Barrelfish's LMP donation / seL4's fastpath): when the peer's
// parked receiver is BLOCKED on the sender's own core and its buffer is empty, the kernel claims
// it from the scheduler, writes the message into its saved registers as its receive would have
// returned it (so the call completes without re-executing), and either makes it READY (a plain
// send) or, for ChanCall — send, then wait for the answer on the same end — parks the caller and
// switches the vCPU straight to the receiver without going through the run queue or leaving the
// vCPU's run loop. A ping-pong of ChanCalls on one core is then two SVCs and two in-kernel
// register switches per round trip.
//
// The hot methods are compiled fully optimised at once (AggressiveOptimization): a guest's first
// thousands of round trips would otherwise run the kernel's tier-0 code.
//
// Leaving the core: a blocking call that parks its thread switches to the next READY thread of
// the core inside the handler when there is one (Core.SwitchTo) instead of halting the vCPU.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Nameserver;
using Fast.Os.Vfs;
using Fast.Os.Process;
using Fast.Os.Scheduling;
using Fast.Runtime;

namespace Fast.Os.Native;

public sealed unsafe partial class NativeKernel
{
    public long DirectDeliveries, Handoffs;

    /// <summary>Reads a send's message from the registers (X1 = count | flags | capability handle << 32; words in X2..X7, X9).</summary>
    IpcStatus MessageFrom(CpuState* c, NativeProcess np, out IpcMessage m)
    {
        ulong packed = c->X[1];
        int n = (int)(packed & 0xFF);
        m = new IpcMessage { Length = n };
        if (n > IpcMessage.Words) return IpcStatus.Invalid;
        for (int i = 0; i < 6; i++) m.W[i] = c->X[2 + i];
        m.W[6] = c->X[9];
        long capHandle = (long)(packed >> 32);
        if (capHandle != 0)
        {
            if (np.Get<Capability>(capHandle) is not { } cap || cap.Deleted) return IpcStatus.CapError;
            if (CopyOnOwner(cap, out var inFlight) != Err.Ok) return IpcStatus.CapError;
            m.Cap = inFlight;
        }
        return IpcStatus.Ok;
    }

    /// <summary>Writes a received message into registers as ChanRecv returns it: X0 = words, X1 = capability handle, X2..X7, X9.</summary>
    static void ReturnMessage(CpuState* c, in IpcMessage m, NativeProcess np)
    {
        for (int i = 0; i < 6; i++) c->X[2 + i] = m.W[i];
        c->X[9] = m.W[6];
        c->X[1] = Attachment(np, m);
        c->X[0] = (ulong)m.Length;
    }

    /// <summary>The handle a received unit's attachment (its capability, or a bulk buffer) gets in the receiver; 0: none.</summary>
    static ulong Attachment(NativeProcess np, in IpcMessage m) =>
        m.Cap is { } cap ? (ulong)np.Add(cap) : m.Bulk is { } bulk ? (ulong)np.Add(bulk) : 0;

    /// <summary>Hands m to a receiver parked on `to` and blocked on this core; returns it (claimed, RUNNING, not queued) or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    GuestThread? TryDeliverDirect(Core core, ChannelEnd from, ChannelEnd to, in IpcMessage m)
    {
        var w = to.ParkedWaiter;
        if (w is null || w.Thread.Core != core.Id || to.Inbox.HasMessage || to.IsClosed || from.IsClosed) return null;
        if (!to.Unpark(w)) return null;
        var receiver = w.Thread;
        var nt = (NativeThread)w.Owner;
        if (!core.Scheduler.TryClaim(receiver))
        {
            w.Wake();   // woken otherwise meanwhile (a signal): it re-executes its receive and finds the message we enqueue
            return null;
        }
        // Stale wakes of this block are ignored from now on. A plain store: a waker racing with it can only
        // wake a thread we have already claimed (RUNNING), which MakeReady ignores.
        Volatile.Write(ref nt.BlockGeneration, nt.BlockGeneration + 1);
        fixed (ThreadContext* ctx = &receiver.Context)
        {
            // The receive completes: results into the saved registers, PC past its SVC.
            for (int i = 0; i < 6; i++) ctx->X[2 + i] = m.W[i];
            ctx->X[9] = m.W[6];
            ctx->X[1] = Attachment(nt.Process!, m);
            ctx->X[0] = (ulong)m.Length;
            ctx->Pc += 4;
        }
        from.SentDirect(m);
        DirectDeliveries++;
        return receiver;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    Resume Send(Vcpu cpu, Core core, GuestThread thread, GuestProcess process, NativeProcess np)
    {
        CpuState* c = cpu.State;
        var end = np.GetEnd((long)c->X[0]);
        if (end is null) return Done(c, (long)IpcStatus.BadHandle);
        ulong packed = c->X[1];
        var e = MessageFrom(c, np, out var m);
        if (e != IpcStatus.Ok) return Done(c, (long)e);
        return SendMessage(cpu, core, thread, end, m, (packed & NativeCall.SendNonBlocking) != 0);
    }

    /// <summary>Sends a built message: straight to a parked receiver on this core, else into the peer's buffer (blocking while full).</summary>
    Resume SendMessage(Vcpu cpu, Core core, GuestThread thread, ChannelEnd end, in IpcMessage m, bool nonBlocking)
    {
        CpuState* c = cpu.State;
        if (TryDeliverDirect(core, end, end.Peer, m) is { } receiver)
        {
            core.Scheduler.Requeue(receiver);   // RUNNING (claimed) → READY on this core
            return Done(c, 0);
        }
        var status = end.Send(m);
        if (status == IpcStatus.Ok) return Done(c, 0);
        if (m.Cap is { } unsent) DeleteOnOwner(unsent);
        m.Bulk?.Return();
        if (status == IpcStatus.BufferFull && !nonBlocking)
            return Block(cpu, thread, 0, end.Peer.Inbox.Writable);
        return Done(c, (long)status);
    }

    Resume Receive(Vcpu cpu, Core core, GuestThread thread, NativeProcess np)
    {
        CpuState* c = cpu.State;
        var end = np.GetEnd((long)c->X[0]);
        if (end is null) return Done(c, (long)IpcStatus.BadHandle);
        bool nonBlocking = (c->X[1] & NativeCall.RecvNonBlocking) != 0;
        return ReceiveOn(cpu, core, thread, np, end, nonBlocking ? -1 : UmpSpin);
    }

    /// <summary>
    /// ChanCall (X0 = end, X1/X2..X7/X9 as ChanSend): sends, then receives on the same end. It restarts as a
    /// plain ChanRecv once the message is out (X8 and X1 are rewritten), so a woken caller never sends twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    Resume Call(Vcpu cpu, Core core, GuestThread thread, NativeProcess np)
    {
        CpuState* c = cpu.State;
        var end = np.GetEnd((long)c->X[0]);
        if (end is null) return Done(c, (long)IpcStatus.BadHandle);
        var e = MessageFrom(c, np, out var m);
        if (e != IpcStatus.Ok) return Done(c, (long)e);
        var next = TryDeliverDirect(core, end, end.Peer, m);
        if (next is null)
        {
            var status = end.Send(m);
            if (status != IpcStatus.Ok)
            {
                if (m.Cap is { } unsent) DeleteOnOwner(unsent);
                if (status == IpcStatus.BufferFull) return Block(cpu, thread, 0, end.Peer.Inbox.Writable);   // re-executes the whole call
                return Done(c, (long)status);
            }
        }
        c->X[8] = NativeCall.ChanRecv;
        c->X[1] = 0;
        if (next is null) return ReceiveOn(cpu, core, thread, np, end, UmpSpin);
        // The receiver runs next, on this vCPU, unless an answer is somehow here already.
        if (end.TryReceive(out var answer))
        {
            ReturnMessage(c, answer, np);
            core.Scheduler.Requeue(next);
            return Resume.Continue;
        }
        if (!Park(thread, np, end))
        {
            core.Scheduler.Requeue(next);
            return ReceiveOn(cpu, core, thread, np, end, 0);
        }
        c->PC -= 4;   // re-execute as ChanRecv if woken rather than handed a message
        Handoffs++;
        core.SwitchTo(next);
        return Resume.Continue;
    }

    /// <summary>Receives on an end: spin polls for a UMP ring (-1: non-blocking), then parks and leaves the core.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    Resume ReceiveOn(Vcpu cpu, Core core, GuestThread thread, NativeProcess np, ChannelEnd end, int spin)
    {
        CpuState* c = cpu.State;
        while (true)
        {
            // An empty LMP buffer (the usual case before parking) is seen without building a message.
            bool look = spin > 0 || end.Inbox is not LmpEndpoint lmp || lmp.HasMessage;
            if (look && end.TryReceive(out var m, spin > 0 ? spin : 0))
            {
                ReturnMessage(c, m, np);
                return Resume.Continue;
            }
            if (end.Inbox.IsClosed || end.Peer.IsClosed) return Done(c, (long)IpcStatus.Closed);
            if (spin < 0) return Done(c, (long)IpcStatus.Empty);
            if (Park(thread, np, end)) break;
            if (thread.State != GuestThreadState.Blocked) { spin = 0; continue; }   // a message came while parking: take it
            // Another receiver holds the end's slot: wait on the buffer's queue instead.
            thread.State = GuestThreadState.Running;
            return Block(cpu, thread, 0, end.Inbox.Readable, end.Peer.Inbox.Writable /* woken too when the peer closes */);
        }
        c->PC -= 4;   // re-execute the receive when woken (or complete it by direct delivery)
        return LeaveCore(core);
    }

    /// <summary>
    /// Parks the thread (BLOCKED) as the end's waiting receiver. False with the thread still RUNNING
    /// if a message or a close arrived meanwhile; false with it BLOCKED if another receiver holds
    /// the slot (the caller waits another way, after setting it RUNNING again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool Park(GuestThread thread, NativeProcess np, ChannelEnd end)
    {
        var nt = Of(thread);
        nt.Process = np;
        if (nt.Waiter is null)
        {
            var self = nt;
            nt.Waiter = new ReceiveWaiter
            {
                Thread = thread,
                Owner = nt,
                Wake = () =>
                {
                    int gen = Volatile.Read(ref self.WaiterGeneration);
                    if (Interlocked.CompareExchange(ref self.BlockGeneration, gen + 1, gen) == gen) Wake(thread);
                },
            };
        }
        // Only this thread starts blocks, so a plain increment; a stale waker racing with it can at worst
        // wake this new block spuriously, and a woken receive simply re-executes.
        int generation = nt.BlockGeneration + 1;
        Volatile.Write(ref nt.BlockGeneration, generation);
        nt.WaiterGeneration = generation;
        nt.Deadline = 0;
        thread.State = GuestThreadState.Blocked;
        if (!end.TryPark(nt.Waiter)) return false;
        // TryPark's compare-and-swap is a full fence: the park is visible before we look at the buffer again.
        if (end.Inbox.HasMessage || end.Inbox.IsClosed || end.Peer.IsClosed || end.IsClosed)
        {
            if (end.Unpark(nt.Waiter))
            {
                Interlocked.Increment(ref nt.BlockGeneration);
                thread.State = GuestThreadState.Running;
                return false;
            }
            // A sender took the waiter and is waking us: stay blocked; the receive re-executes.
        }
        return true;
    }

    /// <summary>WaitAny (X0 = handles, X1 = count, X2 = timeout ms): the index of the first channel end with a message or service with a connection.</summary>
    Resume WaitAny(Vcpu cpu, GuestThread thread, GuestProcess process, NativeProcess np)
    {
        CpuState* c = cpu.State;
        int n = (int)c->X[1];
        if (n is <= 0 or > 256) return Done(c, (long)IpcStatus.Invalid);
        Span<int> handles = stackalloc int[n];
        if (process.User.Read(c->X[0], System.Runtime.InteropServices.MemoryMarshal.AsBytes(handles)) != 0) return Done(c, (long)IpcStatus.Fault);
        var objects = new object[n];
        bool remote = false;
        for (int i = 0; i < n; i++)
        {
            switch (np.Get<object>(handles[i]))
            {
                case ChannelEnd e:
                    objects[i] = e;
                    remote |= e.Transport == Transport.Ump;
                    break;
                case Service s:
                    objects[i] = s;
                    break;
                default:
                    return Done(c, (long)IpcStatus.BadHandle);
            }
        }
        var nt = Of(thread);
        int ready = FirstReady(objects);
        // Messages from another core: poll for a bounded time before giving up the core.
        if (ready < 0 && remote && (long)c->X[2] != 0)
        {
            long until = Stopwatch.GetTimestamp() + UmpSpin * Stopwatch.Frequency / 1_000_000;
            var spinner = new SpinWait();
            do { spinner.SpinOnce(sleep1Threshold: -1); ready = FirstReady(objects); }
            while (ready < 0 && Stopwatch.GetTimestamp() < until);
        }
        if (ready >= 0) { nt.Deadline = 0; return Done(c, ready); }
        if (TimedOut(thread) || (long)c->X[2] == 0) return Done(c, (long)IpcStatus.TimedOut);
        var queues = new WaitQueue[n];
        for (int i = 0; i < n; i++) queues[i] = objects[i] is ChannelEnd e ? e.Inbox.Readable : ((Service)objects[i]).Acceptable;
        return Block(cpu, thread, nt.Deadline != 0 ? nt.Deadline : DeadlineFrom((long)c->X[2]), queues);
    }

    static int FirstReady(object[] objects)
    {
        for (int i = 0; i < objects.Length; i++)
        {
            if (objects[i] is ChannelEnd e ? e.Inbox.HasMessage || e.Inbox.IsClosed || e.Peer.IsClosed
                : ((Service)objects[i]) is var s && (s.HasPending || s.IsClosed)) return i;
        }
        return -1;
    }

    /// <summary>The calling thread is BLOCKED: run the core's next READY thread in place, or halt the vCPU.</summary>
    static Resume LeaveCore(Core core)
    {
        var next = core.Scheduler.PickNext();
        if (next is null) return Resume.Halt;
        if (next == core.Current) return Resume.Continue;   // woken before it left: it re-executes its call at once
        core.SwitchTo(next);
        return Resume.Continue;
    }
}
