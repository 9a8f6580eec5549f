// NativeKernel: the native personality — Fast's own system-call API (capabilities, channels,
// nameserver, spawn) for guest programs built with os/user/lib, reached by SVC with X8 in
// [0x1000, 0x2000), a range Linux's numbers (< 0x200) can never reach. It also owns the
// multikernel's per-core instances (CoreKernel): core 0 boots with all RAM and hands half of its
// free RAM to the other cores' memory managers (each core has its own capability database; the
// RAM is relayed into it); cross-core work (spawn on another core, nameserver replication, waking
// a thread blocked on another core, capability relays and revokes) travels as mailbox messages.
//
// ABI: arguments in X0..X7 (and X9 for the 7th message word), results in X0 (>= 0, or a negative
// IpcStatus) and X1..X7, X9. A call that must wait parks the thread and re-executes when woken
// (as the Linux personality's restartable calls), so each handler is written to be re-run; a
// parked receiver may instead be completed in place by a sender on its core (Fastpath).
// Channel traffic (send, receive, call, wait-any) is in NativeKernel.Fastpath.cs, large messages
// in NativeKernel.Bulk.cs, capability calls (RAM, frames, map, delete, revoke) in
// NativeKernel.Caps.cs, the kernel's own servers (memory, processes, serial) in Services/.
using System.Diagnostics;
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Kernel;
using Fast.Os.Memory;
using Fast.Os.Nameserver;
using Fast.Os.Process;
using Fast.Os.Scheduling;
using Fast.Os.Vfs;
using Fast.Runtime;

namespace Fast.Os.Native;

public static class NativeCall
{
    public const int First = 0x1000, Last = 0x1FFF;
    public const int SerialPutchar = 0x1000, GetCore = 0x1001;
    public const int ChanPair = 0x1010, ChanSend = 0x1011, ChanRecv = 0x1012, ChanClose = 0x1013, ChanInfo = 0x1014, WaitAny = 0x1015,
        ChanCall = 0x1016, BulkRead = 0x1017, ChanSendBulk = 0x1018;
    public const int RamAlloc = 0x1020, FrameAlloc = 0x1021, FrameMap = 0x1022, CapDelete = 0x1023, CapRevoke = 0x1024,
        CapIdentify = 0x1025, CapCopy = 0x1026;
    public const int Spawn = 0x1030;
    public const int NsRegister = 0x1040, NsLookup = 0x1041, NsEnumerate = 0x1042, NsDeregister = 0x1043, ServiceAccept = 0x1044;

    public const ulong SendNonBlocking = 1 << 8, RecvNonBlocking = 1;
}

public sealed unsafe partial class NativeKernel : ICoreMail
{
    public const ulong FrameWindowBase = 0x7000_0000_0000, FrameWindowEnd = 0x7800_0000_0000;
    /// <summary>Microseconds a UMP receiver polls its ring (or rings, in WaitAny) before it gives up its core (the bounded spin).</summary>
    public int UmpSpin { get; set; } = 50;

    readonly FastOs os;
    public IReadOnlyList<CoreKernel> Kernels { get; }
    public long Calls;

    public NativeKernel(FastOs os)
    {
        this.os = os;
        var kernels = new List<CoreKernel>();
        // One capability database per core kernel: core 0's is the boot one (KernelServices).
        var systems = new CapSystem[os.Cores.Count];
        systems[0] = os.Kernel.Caps;
        for (int i = 1; i < systems.Length; i++) systems[i] = new CapSystem(os.Kernel.Ram, i);
        var cores = new CapCores(systems, (core, message) => Kernels![core].Post(message));
        foreach (var s in systems) s.Join(cores);
        // Core 0 boots with all RAM (KernelServices' memory manager) and hands half of what is free to
        // the other cores, split evenly: each share is relayed (serialized by core 0's kernel,
        // re-created in the other core's database); from then on each core allocates from its own share.
        ulong free = os.Kernel.Memory.Stats.LargestFree;
        int others = os.Cores.Count - 1;
        ulong share = others == 0 ? 0 : (free / 2 / (ulong)others) & ~((1UL << 20) - 1);
        for (int i = 0; i < os.Cores.Count; i++)
        {
            MemoryManager mm = os.Kernel.Memory;
            if (i > 0)
            {
                mm = new MemoryManager(systems[i]);
                if (share >= MemoryManager.PageSize && os.Kernel.Memory.Alloc(share, 1UL << 20, out var ram) == Err.Ok)
                {
                    systems[0].Export(ram, i, out var wire).ThrowIfFailed();
                    systems[i].Import(wire, out var relayed).ThrowIfFailed();
                    mm.AddRam(relayed).ThrowIfFailed();
                }
            }
            var k = new CoreKernel(i, os.Cores[i], mm);
            kernels.Add(k);
            os.Kernel.AddCore(i, mm);   // address spaces made on core i live in its database
            os.Cores[i].BetweenRuns = _ => k.Drain();
            mm.Caps.Released += FrameReleased;
        }
        Kernels = kernels;
        os.Kernel.Calls.Mail = this;

        // Linux pipes between processes on different cores: a UMP channel made by the writer's core.
        if (os.Cores.Count > 1)
            os.Vfs.CrossCorePipes = (from, to) =>
                Channel.CreateUmp(Kernels[from].Caps, Kernels[to].Caps, Kernels[from].Memory, from, 0, to, 0, out var ch) == Err.Ok ? ch : null;
    }

    internal FastOs Os => os;
    /// <summary>The boot core's database.</summary>
    internal CapSystem Caps => os.Kernel.Caps;
    /// <summary>The kernel's own services (memory server, process manager, serial server of every core).</summary>
    public IReadOnlyList<Services.KernelServer> Servers => Volatile.Read(ref servers) ?? StartServers();
    Services.KernelServer[]? servers;   // written once, under serversLock
    /// <summary>Whether the kernel's servers exist yet (a native call or a look at Servers made them).</summary>
    public bool ServersStarted => Volatile.Read(ref servers) is not null;
    readonly object serversLock = new();

    /// <summary>
    /// Every core runs a memory server, a process manager and a serial server, named in every replica:
    /// made at the first native call (or the first look at Servers), before it can look a name up. A
    /// Linux program never reaches them, and making them at boot was ~4M host instructions of every start.
    /// </summary>
    Services.KernelServer[] StartServers()
    {
        lock (serversLock)
        {
            if (servers is { } made) return made;
            var list = new List<Services.KernelServer>();
            foreach (var k in Kernels)
                list.AddRange([new Services.MemoryServer(this, k), new Services.ProcessServer(this, k), new Services.SerialServer(this, k)]);
            foreach (var s in list)
            {
                var record = new ServiceRecord(s.Service.Name, s.Service, s.Kernel.Id, 0);
                foreach (var k in Kernels) k.Names.ApplyRegister(record);   // (each replica has its own lock)
            }
            Volatile.Write(ref servers, list.ToArray());
            return servers!;
        }
    }

    /// <summary>Gives a client process RAM from a memory manager (a kernel-held copy to send it; freed when it exits).</summary>
    internal IpcStatus AllocateFor(int pid, MemoryManager mm, ulong bytes, ulong align, out Capability give, out ulong size)
    {
        give = null!;
        size = (bytes + 0xFFF) & ~0xFFFUL;
        if (bytes == 0 || bytes > 1UL << 32 || align > 1UL << 30 || (align & (align - 1)) != 0) return IpcStatus.Invalid;
        if (os.Processes.Find(pid) is not { } process) return IpcStatus.NotFound;
        var np = Of(process);
        if (mm.Alloc(size, Math.Max(align, CapTypes.PageSize), out var ram) != Err.Ok) return IpcStatus.OutOfMemory;
        if (ram.System.Copy(ram, SlotRef.KernelHeld, out give) != Err.Ok) { mm.Free(ram); return IpcStatus.CapError; }
        lock (np.Lock) np.Allocations.Add((mm, ram));
        return IpcStatus.Ok;
    }

    /// <summary>A process became a zombie (its status recorded): the process managers answer its waiters.</summary>
    public void OnProcessExited(GuestProcess process)
    {
        foreach (var s in Volatile.Read(ref servers) ?? [])   // (none yet: no process could have spoken to one)
        {
            if (s is Services.ProcessServer ps) ps.OnExited(process);
            s.OnProcessExit(process.Pid);
        }
    }

    public NativeProcess Of(GuestProcess p)
    {
        if (Volatile.Read(ref p.NativeState) is NativeProcess np) return np;
        Interlocked.CompareExchange(ref p.NativeState, new NativeProcess(), null);
        return (NativeProcess)p.NativeState!;
    }

    NativeThread Of(GuestThread t)
    {
        if (Volatile.Read(ref t.NativeState) is NativeThread nt) return nt;
        Interlocked.CompareExchange(ref t.NativeState, new NativeThread(), null);
        return (NativeThread)t.NativeState!;
    }

    // ---- ICoreMail: the mailboxes HomeCalls sends page-table work through ----
    bool ICoreMail.Running(int core) => Kernels[core].Core.Running;
    void ICoreMail.Post(int core, Action message) => Kernels[core].Post(message);
    void ICoreMail.Drain(int core) => Kernels[core].Drain();
    void ICoreMail.Kick(int core) => Kernels[core].Core.Kick();
    void ICoreMail.Doze(int core, int milliseconds) => Kernels[core].Core.Doze(milliseconds);

    /// <summary>Runs a core's mailbox (from OnInterrupt on that core's thread).</summary>
    public void OnInterrupt(Core core) => Kernels[core.Id].Drain();

    // ---- wake-ups and blocking ----

    /// <summary>Makes a blocked thread runnable: directly on its own core, by IPI (mailbox message) from another.</summary>
    public void Wake(GuestThread thread)
    {
        var k = Kernels[thread.Core];
        if (k.OnOwnThread) k.Core.MakeReady(thread);
        else k.Post(() => k.Core.MakeReady(thread));
    }

    /// <summary>Parks the thread until one of the queues is ready or the deadline passes; the call re-executes.</summary>
    Resume Block(Vcpu cpu, GuestThread thread, long deadline, params WaitQueue[] queues)
    {
        var nt = Of(thread);
        int gen = Interlocked.Increment(ref nt.BlockGeneration);
        nt.Deadline = deadline;
        thread.State = GuestThreadState.Blocked;
        void WakeOnce()
        {
            if (Interlocked.CompareExchange(ref nt.BlockGeneration, gen + 1, gen) == gen) Wake(thread);
        }
        foreach (var q in queues) q.AddWaiter(WakeOnce);
        if (deadline > 0) DeadlineTimer.Schedule(deadline, WakeOnce);
        cpu.State->PC -= 4;   // re-execute the SVC when woken
        return LeaveCore((Core)cpu.OsData!);
    }

    static long DeadlineFrom(long timeoutMs) => timeoutMs < 0 ? 0 : Stopwatch.GetTimestamp() + timeoutMs * Stopwatch.Frequency / 1000;

    /// <summary>True if the thread's last block had a deadline that has passed (and clears it).</summary>
    bool TimedOut(GuestThread thread)
    {
        var nt = Of(thread);
        if (nt.Deadline == 0 || Stopwatch.GetTimestamp() < nt.Deadline) return false;
        nt.Deadline = 0;
        return true;
    }

    // ---- dispatch ----

    public static bool Handles(ulong number) => number - NativeCall.First <= NativeCall.Last - NativeCall.First;

    public Resume Dispatch(Vcpu cpu, Core core, GuestThread thread, GuestProcess process)
    {
        CpuState* c = cpu.State;
        Calls++;
        if (Volatile.Read(ref servers) is null) StartServers();
        var np = Of(process);
        long r;
        switch ((int)c->X[8])
        {
            case NativeCall.SerialPutchar:
            {
                byte b = (byte)c->X[0];
                process.Files.Fds.Get(1)?.Write(new ReadOnlySpan<byte>(&b, 1));
                r = 0;
                break;
            }
            case NativeCall.GetCore:
                c->X[1] = (ulong)os.Cores.Count;
                c->X[2] = (ulong)process.Pid;
                r = core.Id;
                break;
            case NativeCall.ChanPair:
            {
                // X0 = 0: an LMP pair on this core; X0 = 1: a UMP pair whose second end belongs to core X1
                // (for threads of one process pinned to different cores).
                Channel ch;
                if (c->X[0] == 1)
                {
                    int other = (int)(c->X[1] % (ulong)os.Cores.Count);
                    if (Channel.CreateUmp(Kernels[core.Id].Caps, Kernels[other].Caps, Kernels[core.Id].Memory, core.Id, process.Pid, other, process.Pid, out ch) != Err.Ok)
                    { r = (long)IpcStatus.OutOfMemory; break; }
                }
                else if (c->X[0] != 0) { r = (long)IpcStatus.Invalid; break; }
                else ch = Channel.CreateLmp(Kernels[core.Id].Caps, core.Id, process.Pid, core.Id, process.Pid);
                GiveEndpointCaps(process, core.Id, ch);
                c->X[1] = (ulong)np.Add(ch.A);
                c->X[2] = (ulong)np.Add(ch.B);
                r = 0;
                break;
            }
            case NativeCall.ChanSend: return Send(cpu, core, thread, process, np);
            case NativeCall.ChanRecv: return Receive(cpu, core, thread, np);
            case NativeCall.ChanCall: return Call(cpu, core, thread, np);
            case NativeCall.ChanSendBulk: return SendBulk(cpu, core, thread, process, np);
            case NativeCall.BulkRead: r = ReadBulk(process, np, c); break;
            case NativeCall.ChanClose:
                if (np.Remove((long)c->X[0]) is ChannelEnd end) { end.Close(); r = 0; }
                else r = (long)IpcStatus.BadHandle;
                break;
            case NativeCall.ChanInfo:
                if (np.Get<ChannelEnd>((long)c->X[0]) is { } info)
                {
                    c->X[1] = (ulong)info.Peer.Core;
                    c->X[2] = (ulong)info.Peer.Pid;
                    r = (long)info.Transport;
                }
                else r = (long)IpcStatus.BadHandle;
                break;
            case NativeCall.WaitAny: return WaitAny(cpu, thread, process, np);
            case NativeCall.RamAlloc or NativeCall.FrameAlloc: r = Allocate(core, np, c->X[0], (int)c->X[8] == NativeCall.FrameAlloc, c); break;
            case NativeCall.FrameMap: r = MapFrame(process, np, (long)c->X[0], c); break;
            case NativeCall.CapDelete:
                r = np.Remove((long)c->X[0]) switch
                {
                    Capability del => DeleteCap(del),
                    BulkBuffer bulk => DropBulk(bulk),
                    _ => (long)IpcStatus.BadHandle,
                };
                break;
            case NativeCall.CapRevoke: return Revoke(cpu, thread, np);
            case NativeCall.CapIdentify:
                if (np.Get<Capability>((long)c->X[0]) is { } id)
                {
                    if (id.Deleted) r = (long)IpcStatus.CapError;
                    else { c->X[1] = id.Base; c->X[2] = id.Size; r = (long)id.Type; }
                }
                else r = (long)IpcStatus.BadHandle;
                break;
            case NativeCall.CapCopy:
                if (np.Get<Capability>((long)c->X[0]) is { } src)
                    r = CopyOnOwner(src, out var copy) == Err.Ok ? np.Add(copy) : (long)IpcStatus.CapError;
                else r = (long)IpcStatus.BadHandle;
                break;
            case NativeCall.Spawn: return Spawn(cpu, core, thread, process);
            case NativeCall.NsRegister: r = Register(core, process, np, c->X[0]); break;
            case NativeCall.NsLookup: return Lookup(cpu, core, thread, process, np);
            case NativeCall.NsEnumerate: r = Enumerate(core, process, c->X[0], c->X[1], c->X[2]); break;
            case NativeCall.NsDeregister: r = Deregister(core, process, np, c->X[0]); break;
            case NativeCall.ServiceAccept:
            {
                if (np.Get<Service>((long)c->X[0]) is not { } svc) { r = (long)IpcStatus.BadHandle; break; }
                if (svc.TryAccept(out var e)) { r = np.Add(e); break; }
                if (svc.IsClosed) { r = (long)IpcStatus.Closed; break; }
                if ((c->X[1] & NativeCall.RecvNonBlocking) != 0) { r = (long)IpcStatus.Empty; break; }
                return Block(cpu, thread, 0, svc.Acceptable);
            }
            default:
                r = (long)IpcStatus.Invalid;
                break;
        }
        c->X[0] = (ulong)r;
        return thread.State is GuestThreadState.Zombie ? Resume.Halt : Resume.Continue;
    }

    static Resume Done(CpuState* c, long result)
    {
        c->X[0] = (ulong)result;
        return Resume.Continue;
    }

    /// <summary>
    /// A call that sent a request to another core's kernel is re-entered when woken: with the answer
    /// (its result goes to X0), or spuriously (it blocks again); null when nothing is pending yet.
    /// </summary>
    Resume? AwaitPending(Vcpu cpu, GuestThread thread, NativeThread nt)
    {
        if (nt.Pending is { Done: true } done)
        {
            nt.Pending = null;
            return Done(cpu.State, done.Result);
        }
        return nt.Pending is not null ? Block(cpu, thread, 0) : null;
    }

    // ---- spawn (a request to the target core's kernel) ----

    Resume Spawn(Vcpu cpu, Core core, GuestThread thread, GuestProcess parent)
    {
        CpuState* c = cpu.State;
        var nt = Of(thread);
        if (AwaitPending(cpu, thread, nt) is { } resumed) return resumed;
        string? path = parent.User.ReadCString(c->X[0]);
        if (path is null) return Done(c, (long)IpcStatus.Fault);
        var args = new List<string>();
        for (ulong p = c->X[1]; p != 0 && args.Count < 64; p += 8)
        {
            if (!parent.User.TryRead64(p, out ulong s)) return Done(c, (long)IpcStatus.Fault);
            if (s == 0) break;
            args.Add(parent.User.ReadCString(s) ?? "");
        }
        if (args.Count == 0) args.Add(path);
        long target = (long)c->X[2];
        int coreId = target < 0 ? core.Id : (int)(target % os.Cores.Count);
        var request = new PendingRequest();
        nt.Pending = request;
        var me = thread;
        Kernels[coreId].Post(() =>
        {
            request.Result = SpawnHere(coreId, parent, path, args);
            request.Done = true;
            Wake(me);   // the reply: an IPI back to the caller's core
        });
        return Block(cpu, thread, 0);
    }

    /// <summary>Creates a process from a program on this core (runs on the target core's thread).</summary>
    public long SpawnHere(int coreId, GuestProcess parent, string path, IReadOnlyList<string> args)
    {
        int pid = os.Processes.AllocateId();
        var memory = ProcessMemory.Create(os.Kernel.ForCore(coreId));   // homed on the core it is spawned on
        var child = new GuestProcess(pid, memory, new UserMemory(memory.Kernel, memory), parent.Files.Fork())
        {
            Parent = parent,
            ProcessGroup = parent.ProcessGroup,
            Session = parent.Session,
        };
        child.Files.Process = child;
        var thread = os.NewThread(child, pid);
        long r;
        try { r = os.Linux.Exec(child, thread, path, args, ["PATH=/bin:/usr/bin"]); }
        catch (Exception e) when (e is LoaderException or IOException) { r = -2; }
        if (r != Fast.Os.Linux.Syscalls.Syscall.NoReturn)
        {
            os.Processes.RemoveThread(thread);
            child.Files.Fds.CloseAll();
            memory.Destroy();
            return r < 0 ? r : (long)IpcStatus.NotFound;
        }
        os.Processes.Add(child);
        lock (parent.Children) parent.Children.Add(child);
        os.Cores[coreId].MakeReady(thread);
        return pid;
    }

    // ---- nameserver ----

    long Register(Core core, GuestProcess process, NativeProcess np, ulong namePtr)
    {
        string? name = process.User.ReadCString(namePtr, 256);
        if (name is null) return (long)IpcStatus.Fault;
        if (!NameserverReplica.IsValidName(name)) return (long)IpcStatus.Invalid;
        var service = new Service(name, core.Id, process.Pid);
        var record = new ServiceRecord(name, service, core.Id, process.Pid);
        if (!Kernels[core.Id].Names.ApplyRegister(record)) return (long)IpcStatus.Exists;
        foreach (var k in Kernels)
            if (k.Id != core.Id) k.Post(() => k.Names.ApplyRegister(record));
        return np.Add(service);
    }

    long Deregister(Core core, GuestProcess process, NativeProcess np, ulong namePtr)
    {
        string? name = process.User.ReadCString(namePtr, 256);
        if (name is null) return (long)IpcStatus.Fault;
        var rec = Kernels[core.Id].Names.Lookup(name);
        if (rec is null || rec.Pid != process.Pid) return (long)IpcStatus.NotFound;
        foreach (var k in Kernels)
        {
            if (k.Id == core.Id) k.Names.ApplyDeregister(name, rec.Service);
            else k.Post(() => k.Names.ApplyDeregister(name, rec.Service));
        }
        rec.Service.Close();
        return 0;
    }

    Resume Lookup(Vcpu cpu, Core core, GuestThread thread, GuestProcess process, NativeProcess np)
    {
        CpuState* c = cpu.State;
        string? name = process.User.ReadCString(c->X[0], 256);
        if (name is null) return Done(c, (long)IpcStatus.Fault);
        var names = Kernels[core.Id].Names;
        long seen = names.Version;
        var rec = names.Lookup(name);
        if (rec is not null && !rec.Service.IsClosed)
        {
            Of(thread).Deadline = 0;
            var e = Connect(core.Id, process.Pid, rec.Service, out var clientEnd);
            if (e != IpcStatus.Ok) return Done(c, (long)e);
            return Done(c, np.Add(clientEnd));
        }
        long timeout = (long)c->X[1];
        if (timeout == 0 || TimedOut(thread)) return Done(c, (long)IpcStatus.NotFound);
        var nt = Of(thread);
        var result = Block(cpu, thread, nt.Deadline != 0 ? nt.Deadline : DeadlineFrom(timeout), names.Changed);
        if (names.Version != seen) Wake(thread);   // changed while we were getting ready to wait
        return result;
    }

    /// <summary>Makes a channel from a client (core, pid) to a service: LMP on one core, UMP across cores.</summary>
    public IpcStatus Connect(int clientCore, int clientPid, Service service, out ChannelEnd clientEnd)
    {
        clientEnd = null!;
        Channel ch;
        if (clientCore == service.Core) ch = Channel.CreateLmp(Kernels[clientCore].Caps, clientCore, clientPid, service.Core, service.Pid);
        else if (Channel.CreateUmp(Kernels[clientCore].Caps, Kernels[service.Core].Caps, Kernels[clientCore].Memory, clientCore, clientPid, service.Core, service.Pid, out ch) != Err.Ok)
            return IpcStatus.OutOfMemory;
        if (!service.Connect(ch.B))
        {
            ch.A.Close();
            ch.B.Close();
            return IpcStatus.NotFound;
        }
        clientEnd = ch.A;
        return IpcStatus.Ok;
    }

    long Enumerate(Core core, GuestProcess process, ulong prefixPtr, ulong buffer, ulong length)
    {
        string? prefix = prefixPtr == 0 ? "" : process.User.ReadCString(prefixPtr, 256);
        if (prefix is null) return (long)IpcStatus.Fault;
        var list = Kernels[core.Id].Names.Enumerate(prefix);
        var bytes = Latin1Text.GetBytes(string.Join('\n', list) + "\0");
        if (length > 0)
        {
            int n = (int)Math.Min((ulong)bytes.Length, length);
            if (n < bytes.Length) bytes[n - 1] = 0;
            if (process.User.Write(buffer, bytes.AsSpan(0, n)) != 0) return (long)IpcStatus.Fault;
        }
        return list.Count;
    }

    // ---- process exit ----

    /// <summary>A process exits: its channels close, its services and names go (on every core), its RAM returns.</summary>
    public void OnProcessExit(GuestProcess process)
    {
        if (Volatile.Read(ref process.NativeState) is not NativeProcess np) return;
        foreach (var o in np.TakeAll())
        {
            switch (o)
            {
                case ChannelEnd e: e.Close(); break;
                case Service s: s.Close(); break;
                case Capability cap: DeleteCap(cap); break;
                case BulkBuffer bulk: bulk.Return(); break;
            }
        }
        int pid = process.Pid;
        foreach (var k in Kernels) k.Post(() => k.Names.ApplyProcessExit(pid));
        List<(MemoryManager, Capability)> allocations;
        lock (np.Lock) { allocations = np.Allocations.ToList(); np.Allocations.Clear(); }
        List<Capability> relayed;
        lock (np.Lock) { relayed = np.Relayed.ToList(); np.Relayed.Clear(); }
        // Each database is changed on its own core (HomeCalls: a message from elsewhere).
        var calls = os.Kernel.Calls;
        foreach (var cap in relayed) calls.Call(cap.System.CoreId, () => cap.System.Delete(cap));
        // Frames other processes (on any core) still hold copies of outlive us: their last delete frees them.
        // (Lock order: a database's Lock before frameOwners, as FrameReleased runs under the former.)
        List<KeyValuePair<CapObject, FrameOwner>> mine;
        lock (frameLock) mine = frameOwners is null ? [] : frameOwners.Where(f => f.Value.Owner == np).ToList();
        foreach (var (obj, owner) in mine)
            calls.Call(obj.System.CoreId, () =>
            {
                lock (obj.System.Lock)
                {
                    if (obj.InUse) lock (allocations) allocations.Remove((owner.Mm, owner.Ram));
                    else lock (frameLock) frameOwners!.Remove(obj);
                }
            });
        foreach (var (mm, ram) in allocations) calls.Call(mm.Caps.CoreId, () => mm.Free(ram));
        process.NativeState = null;
    }
}
