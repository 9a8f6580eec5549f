// The kernel's own services, one set per core, named /core/N/mem, /core/N/proc and /core/N/serial
// (KernelServer explains how they are reached). Requests are RPC payloads whose first field is
// the operation; every reply starts with a status (0 or a negative IpcStatus).
//   memory server:   RAM(bytes, align)           -> status, bytes, + a RAM capability from core N's share
//   process manager: SPAWN(cmdline, core)        -> status, pid   (core -1: N; another core: a message to it)
//                    LIST()                      -> status, count, pid...
//                    NAME(pid)                   -> status, name
//                    KILL(pid)                   -> status
//                    WAIT(pid)                   -> status, wait status   (answered when the process exits)
//   serial server:   PUTCHAR(c), PUTSTR(s)       -> status   (to the client's standard output)
//                    GETCHAR()                   -> status, byte   (the client's standard input: the console
//                                                   input; answered when a byte arrives, Closed at its end)
using Fast.Os.Capabilities;
using Fast.Os.Ipc;
using Fast.Os.Linux.Abi;
using Fast.Os.Process;
using Fast.Runtime;

namespace Fast.Os.Native.Services;

public static class SystemOp
{
    public const ulong Ram = 20;
    public const ulong Spawn = 30, List = 31, Name = 32, Kill = 33, Wait = 34;
    public const ulong Putchar = 40, Putstr = 41, Getchar = 42;
}

public sealed class MemoryServer(NativeKernel native, CoreKernel kernel) : KernelServer(native, kernel, $"/core/{kernel.Id}/mem")
{
    protected override Reply? Handle(Connection from, byte[] request, Capability? cap)
    {
        if (cap is not null) cap.System.Delete(cap);
        var r = new RpcReader(request);
        if (!r.TryU64(out ulong op) || op != SystemOp.Ram || !r.TryU64(out ulong bytes) || !r.TryU64(out ulong align)) return Status(IpcStatus.Invalid);
        var e = Native.AllocateFor(from.ClientPid, Kernel.Memory, bytes, align, out var ram, out ulong size);
        if (e != IpcStatus.Ok) return Status(e);
        return new Reply(new RpcWriter().I64(0).U64(size).Cap().ToArray(), ram);
    }
}

public sealed class SerialServer(NativeKernel native, CoreKernel kernel) : KernelServer(native, kernel, $"/core/{kernel.Id}/serial")
{
    protected override Reply? Handle(Connection from, byte[] request, Capability? cap)
    {
        if (cap is not null) cap.System.Delete(cap);
        var r = new RpcReader(request);
        if (!r.TryU64(out ulong op)) return Status(IpcStatus.Invalid);
        if (op == SystemOp.Getchar)
        {
            if (Native.Os.Processes.Find(from.ClientPid)?.Files.Fds.Get(0) is not { } input) return Status(IpcStatus.NotFound);
            return Getchar(from, input);
        }
        byte[] text;
        if (op == SystemOp.Putchar && r.TryU64(out ulong c)) text = [(byte)c];
        else if (op == SystemOp.Putstr && r.TryStr(out string s)) text = Latin1Text.GetBytes(s);
        else return Status(IpcStatus.Invalid);
        var client = Native.Os.Processes.Find(from.ClientPid);
        client?.Files.Fds.Get(1)?.Write(text);
        return Status(client is null ? IpcStatus.NotFound : IpcStatus.Ok);
    }

    /// <summary>Reads one byte of the client's input; with none yet, answers later, when its waitable says one came (on this core's thread).</summary>
    Reply? Getchar(Connection from, Vfs.OpenFile input)
    {
        Span<byte> b = stackalloc byte[1];
        long n = input.Read(b);
        if (n == 1) return new Reply(new RpcWriter().I64(0).U64(b[0]).ToArray());
        if (n == 0) return Status(IpcStatus.Closed);
        if (n != Errno.EAGAIN.Neg() || input.ReadWaitable is not { } waitable) return Status(IpcStatus.Invalid);
        waitable.AddWaiter(() => Kernel.Post(() =>
        {
            if (from.End.IsClosed || from.End.Peer.IsClosed) return;
            if (Getchar(from, input) is { } reply) Send(from, reply);
        }));
        return null;
    }
}

public sealed class ProcessServer(NativeKernel native, CoreKernel kernel) : KernelServer(native, kernel, $"/core/{kernel.Id}/proc")
{
    readonly Dictionary<int, List<Connection>> waiters = new();   // guarded by itself

    protected override Reply? Handle(Connection from, byte[] request, Capability? cap)
    {
        if (cap is not null) cap.System.Delete(cap);
        var r = new RpcReader(request);
        if (!r.TryU64(out ulong op)) return Status(IpcStatus.Invalid);
        var os = Native.Os;
        switch (op)
        {
            case SystemOp.Spawn:
            {
                if (!r.TryStr(out string cmdline) || !r.TryU64(out ulong coreArg)) return Status(IpcStatus.Invalid);
                var args = cmdline.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (args.Length == 0) return Status(IpcStatus.Invalid);
                if (os.Processes.Find(from.ClientPid) is not { } parent) return Status(IpcStatus.NotFound);
                long target = (long)coreArg;
                int core = target < 0 ? Kernel.Id : (int)(target % os.Cores.Count);
                // Spawning is the target core's business: a message to its kernel, which answers the client.
                Native.Kernels[core].Post(() =>
                {
                    long pid = Native.SpawnHere(core, parent, args[0], args);
                    Send(from, new Reply(new RpcWriter().I64(pid < 0 ? pid : 0).I64(pid).ToArray()));
                });
                return null;
            }
            case SystemOp.List:
            {
                var live = os.Processes.All().Where(p => p.State == ProcessState.Running && !p.Exiting).Select(p => p.Pid).Order().ToList();
                var w = new RpcWriter().I64(0).U64((ulong)live.Count);
                foreach (int pid in live) w.U64((ulong)pid);
                return new Reply(w.ToArray());
            }
            case SystemOp.Name:
            {
                if (!r.TryU64(out ulong pid)) return Status(IpcStatus.Invalid);
                if (os.Processes.Find((int)pid) is not { } p) return Status(IpcStatus.NotFound);
                string name = p.Arguments.Length > 0 ? p.Arguments[0] : p.ExecutablePath;
                return new Reply(new RpcWriter().I64(0).Str(name).ToArray());
            }
            case SystemOp.Kill:
            {
                if (!r.TryU64(out ulong pid)) return Status(IpcStatus.Invalid);
                if (os.Processes.Find((int)pid) is not { State: ProcessState.Running } p) return Status(IpcStatus.NotFound);
                os.Linux.SendSignal(p, Linux.Signals.Sig.SIGKILL);
                return Status(IpcStatus.Ok);
            }
            case SystemOp.Wait:
            {
                if (!r.TryU64(out ulong pid)) return Status(IpcStatus.Invalid);
                lock (waiters)
                {
                    if (os.Processes.Find((int)pid) is not { } p) return Status(IpcStatus.NotFound);
                    if (p.State == ProcessState.Zombie) return Exited(p.ExitStatus);
                    if (!waiters.TryGetValue(p.Pid, out var list)) waiters[p.Pid] = list = new();
                    list.Add(from);
                }
                return null;
            }
            default:
                return Status(IpcStatus.Invalid);
        }
    }

    static Reply Exited(int status) => new(new RpcWriter().I64(0).I64(status).ToArray());

    /// <summary>A process became a zombie: answer the clients waiting for it.</summary>
    public void OnExited(GuestProcess process)
    {
        List<Connection>? list;
        lock (waiters) waiters.Remove(process.Pid, out list);
        if (list is null) return;
        foreach (var c in list) Send(c, Exited(process.ExitStatus));
    }
}
