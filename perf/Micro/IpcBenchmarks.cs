// IPC round trips through the kernel's channel objects (os/Ipc), without guest code: LMP on one
// core (one host thread plays both ends), UMP across two cores (a second host thread echoes from
// the other ring, polling as a receiver's bounded spin does), and LMP throughput in batches of
// the receive buffer's size; and a 1 MiB message through the kernel's bulk copy (copied into a
// pooled host buffer on send and out of it on receive, as ChanSendBulk and BulkRead do); and a
// capability relayed across cores (two cores' databases: serialized into a UMP slot's side line,
// re-created by the receiver's database, deleted there, the drop reported to the owner by message).
// And the multikernel's request to another core (Kernel/HomeCalls: a page fault or capability
// operation of an object homed on another core): posted to a second host thread that polls its
// mailbox as an awake core does, the caller waiting for the reply (the mechanism alone; the guest
// cost, fault included, is printed by the mem_home_core selftest).
// OperationsPerInvoke = round trips (or messages) per invocation. Guest-level numbers (SVCs,
// handoff, parking) come from os/user/bench/ipcbench.c: `fast selftest --bench`.
using BenchmarkDotNet.Attributes;
using Fast.Os;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Memory;
using Fast.Runtime;

namespace Fast.Perf.Micro;

public class IpcBenchmarks
{
    const int Rounds = 1000;
    PhysicalMemory ram = null!;
    Channel lmp = null!, ump = null!;
    Thread? echo;
    volatile bool stop;

    [GlobalSetup]
    public void Setup()
    {
        ram = new PhysicalMemory(16UL << 20);
        var caps = new CapSystem(ram);
        caps.CreateOriginal(CapType.Ram, 1UL << 20, 15UL << 20, SlotRef.KernelHeld, out var cap);
        var mm = new MemoryManager(caps);
        mm.AddRam(cap);
        lmp = Channel.CreateLmp(caps, 0, 1, 0, 2);
        Channel.CreateUmp(caps, mm, 0, 1, 1, 2, out ump);
        echo = new Thread(() =>
        {
            while (!stop)
            {
                if (ump.B.TryReceive(out var m, spinMicroseconds: 1000))
                    while (ump.B.Send(m) != IpcStatus.Ok) Thread.SpinWait(1);
            }
        }) { IsBackground = true };
        echo.Start();
    }

    // Two cores' capability databases and a UMP channel between them, for CapabilityRelay.
    Channel relay = null!;
    Capability relayFrame = null!;
    CapSystem owner = null!, remote = null!;
    readonly Queue<Action> ownerMailbox = new();

    [GlobalSetup(Target = nameof(CapabilityRelay))]
    public void SetupRelay()
    {
        Setup();
        owner = new CapSystem(ram, 0);
        remote = new CapSystem(ram, 1);
        var cores = new CapCores([owner, remote], (core, message) => { if (core == 0) ownerMailbox.Enqueue(message); });
        owner.Join(cores);
        remote.Join(cores);
        owner.CreateOriginal(CapType.Ram, 8UL << 20, 8UL << 20, SlotRef.KernelHeld, out var r).ThrowIfFailed();
        var mm = new MemoryManager(owner);
        mm.AddRam(r).ThrowIfFailed();
        Channel.CreateUmp(owner, remote, mm, 0, 1, 1, 2, out relay).ThrowIfFailed();
        mm.Alloc(4096, 4096, out var ramCap).ThrowIfFailed();
        owner.Retype(ramCap, 0, CapType.Frame, 4096, 1, SlotRef.KernelHeld, out var f).ThrowIfFailed();
        relayFrame = f[0];
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "Capability relayed core 0 -> core 1 and dropped (two databases)")]
    public ulong CapabilityRelay()
    {
        ulong sum = 0;
        for (int i = 0; i < Rounds; i++)
        {
            owner.Copy(relayFrame, SlotRef.KernelHeld, out var inFlight);
            relay.A.Send(new IpcMessage { Length = 1, Cap = inFlight });
            relay.B.TryReceive(out var m);
            sum += m.Cap!.Base;
            remote.Delete(m.Cap);
            while (ownerMailbox.TryDequeue(out var message)) message();   // the owner learns of the drop
        }
        return sum;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        stop = true;
        echo?.Join();
        homeCore?.Join();
        ram?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "LMP round trip, 1 core (7 words)")]
    public ulong LmpRoundTrip()
    {
        ulong sum = 0;
        var m = IpcMessage.Of(1, 2, 3, 4, 5, 6, 7);
        for (int i = 0; i < Rounds; i++)
        {
            lmp.A.Send(m);
            lmp.B.TryReceive(out var r);
            lmp.B.Send(r);
            lmp.A.TryReceive(out r);
            sum += r.W[0];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "UMP round trip, 2 cores (7 words)")]
    public ulong UmpRoundTrip()
    {
        ulong sum = 0;
        var m = IpcMessage.Of(1, 2, 3, 4, 5, 6, 7);
        for (int i = 0; i < Rounds; i++)
        {
            m.W[0] = (ulong)i;
            while (ump.A.Send(m) != IpcStatus.Ok) Thread.SpinWait(1);
            IpcMessage r;
            while (!ump.A.TryReceive(out r, spinMicroseconds: 1000)) { }
            sum += r.W[0];
        }
        return sum;
    }

    const int BulkBytes = 1 << 20;
    readonly byte[] bulkSource = new byte[BulkBytes], bulkTarget = new byte[BulkBytes];

    [Benchmark(Description = "1 MiB message, kernel bulk copy in and out (LMP)")]
    public byte BulkMessage()
    {
        var b = BulkBuffer.Rent(BulkBytes);
        bulkSource.CopyTo(b.Data, 0);
        var m = new IpcMessage { Length = 2, Bulk = b };
        lmp.A.Send(m);
        lmp.B.TryReceive(out var r);
        r.Bulk!.Data.AsSpan(0, BulkBytes).CopyTo(bulkTarget);
        r.Bulk.Return();
        return bulkTarget[BulkBytes - 1];
    }

    [Benchmark(OperationsPerInvoke = Rounds * LmpEndpoint.DefaultSlots, Description = "LMP one-way messages, batches of 16")]
    public ulong LmpThroughput()
    {
        ulong sum = 0;
        var m = IpcMessage.Of(1, 2, 3, 4, 5, 6, 7);
        for (int i = 0; i < Rounds; i++)
        {
            for (int j = 0; j < LmpEndpoint.DefaultSlots; j++) lmp.A.Send(m);
            for (int j = 0; j < LmpEndpoint.DefaultSlots; j++) { lmp.B.TryReceive(out var r); sum += r.W[1]; }
        }
        return sum;
    }

    // ---- HomeCalls: a request to another core and its reply ----
    sealed class PolledMail : Fast.Os.Kernel.ICoreMail
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<Action> Home = new();
        public bool Running(int core) => true;
        public void Post(int core, Action message) => Home.Enqueue(message);
        public void Drain(int core) { }
        public void Kick(int core) { }
        public void Doze(int core, int milliseconds) => Thread.Yield();
    }

    Fast.Os.Kernel.HomeCalls calls = null!;
    Thread? homeCore;

    [GlobalSetup(Target = nameof(HomeCallRoundTrip))]
    public void SetupHomeCalls()
    {
        var mail = new PolledMail();
        calls = new Fast.Os.Kernel.HomeCalls { Mail = mail };
        homeCore = new Thread(() =>
        {
            Fast.Os.Kernel.Core.ExecutingId = 0;
            while (!stop)
            {
                if (mail.Home.TryDequeue(out var m)) m();
                else Thread.SpinWait(1);
            }
        }) { IsBackground = true };
        homeCore.Start();
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "HomeCalls: request to another (polling) core and reply")]
    public long HomeCallRoundTrip()
    {
        Fast.Os.Kernel.Core.ExecutingId = 1;   // the caller plays core 1; the home is core 0
        long sum = 0;
        for (int i = 0; i < Rounds; i++) sum += calls.Call(0, () => 1L);
        return sum;
    }
}
