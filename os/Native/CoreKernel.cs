// CoreKernel: the per-core half of the multikernel — what one core's kernel instance owns beyond
// its Core (run queue): its capability database (its own CapSystem and lock; core 0's is the boot
// database; each holds the address spaces of the processes made on its core), its share of RAM (its own MemoryManager over that
// database), its nameserver replica, and its mailbox. Other cores never call into a core's state directly; they post a message (an
// Action) to its mailbox and raise an inter-processor interrupt; the core runs the message on
// its own host thread, at its next block boundary (FastOs.OnInterrupt) or when it wakes from
// idle (Core.BetweenRuns). Wake-ups of blocked threads by other cores go the same way.
using System.Collections.Concurrent;
using Fast.Os.Capabilities;
using Fast.Os.Kernel;
using Fast.Os.Memory;
using Fast.Os.Nameserver;
using Fast.Runtime;

namespace Fast.Os.Native;

public sealed class CoreKernel
{
    public int Id { get; }
    public Core Core { get; }
    public MemoryManager Memory { get; }
    /// <summary>This core's capability database (Memory allocates from it).</summary>
    public CapSystem Caps => Memory.Caps;
    /// <summary>This core's nameserver replica (made at its first use: a Linux program never looks a name up).</summary>
    public NameserverReplica Names => Volatile.Read(ref names) ?? MakeNames();
    NameserverReplica? names;

    NameserverReplica MakeNames()
    {
        Interlocked.CompareExchange(ref names, new NameserverReplica(Id), null);
        return names!;
    }
    readonly ConcurrentQueue<Action> mailbox = new();
    public long IpisSent, IpisHandled;

    public CoreKernel(int id, Core core, MemoryManager memory)
    {
        Id = id;
        Core = core;
        Memory = memory;
    }

    /// <summary>True on this core's host thread (or when the core has no running vCPU thread).</summary>
    public bool OnOwnThread => Core.Cpu.IsOwnerThread;

    /// <summary>Sends a message to this core: it runs on this core's thread soon (an IPI).</summary>
    public void Post(Action message)
    {
        mailbox.Enqueue(message);
        Interlocked.Increment(ref IpisSent);
        Core.Cpu.RaiseInterrupt(InterruptBits.InterProcessor);
        Core.Kick();
    }

    /// <summary>Runs the waiting messages (on this core's thread).</summary>
    public void Drain()
    {
        while (mailbox.TryDequeue(out var m))
        {
            Interlocked.Increment(ref IpisHandled);
            m();
        }
    }

    public bool HasMail => !mailbox.IsEmpty;
}
