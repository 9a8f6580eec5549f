// UserMemory: the kernel's copy_from_user/copy_to_user. Reads and writes a process's memory
// through its page tables (the kernel's shadow view), faulting pages in exactly as a guest
// access would; an address the process may not access gives -EFAULT, never a host crash.
// A write to a page that holds translated code drops those translations first. On a core other
// than the address space's home, translations come from a walk of the tables in RAM and faults go
// to the home core as messages (ProcessMemory), never through the home database's lock.
using Fast.Os.Kernel;
using Fast.Os.Paging;
using Fast.Runtime;

namespace Fast.Os.Process;

public sealed unsafe class UserMemory(KernelServices k, ProcessMemory memory)
{
    public const long EFault = -14;

    /// <summary>Host pointer to the byte at va for an access, faulting the page in; null if the process may not.</summary>
    byte* Resolve(ulong va, AccessKind access)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (memory.TryTranslate(va, out ulong pa, out var flags))
            {
                bool ok = access == AccessKind.Write ? (flags & MapFlags.Write) != 0 : (flags & MapFlags.Read) != 0;
                if (ok)
                {
                    if (access == AccessKind.Write) k.ForgetCode(pa);
                    return k.Ram.HostPointer(pa);
                }
            }
            if (memory.HandleFault(va, access) != FaultOutcome.Resolved) return null;
        }
        return null;
    }

    public long Read(ulong va, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            ulong at = va + (ulong)done;
            if (at < va) return EFault;
            byte* p = Resolve(at, AccessKind.Read);
            if (p == null) return EFault;
            int chunk = (int)Math.Min((ulong)(destination.Length - done), 0x1000 - (at & 0xFFF));
            new ReadOnlySpan<byte>(p, chunk).CopyTo(destination[done..]);
            done += chunk;
        }
        return 0;
    }

    public long Write(ulong va, ReadOnlySpan<byte> source)
    {
        int done = 0;
        while (done < source.Length)
        {
            ulong at = va + (ulong)done;
            if (at < va) return EFault;
            byte* p = Resolve(at, AccessKind.Write);
            if (p == null) return EFault;
            int chunk = (int)Math.Min((ulong)(source.Length - done), 0x1000 - (at & 0xFFF));
            source.Slice(done, chunk).CopyTo(new Span<byte>(p, chunk));
            done += chunk;
        }
        return 0;
    }

    public bool TryRead64(ulong va, out ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        value = 0;
        if (Read(va, b) != 0) return false;
        value = BitConverter.ToUInt64(b);
        return true;
    }

    public bool TryWrite64(ulong va, ulong value) => Write(va, BitConverter.GetBytes(value)) == 0;
    public bool TryWrite32(ulong va, uint value) => Write(va, BitConverter.GetBytes(value)) == 0;

    /// <summary>A NUL-terminated string as Latin-1 (each guest byte one char), or null on a fault or overlong string.</summary>
    public string? ReadCString(ulong va, int max = 4096)
    {
        var bytes = new List<byte>(64);
        while (bytes.Count < max)
        {
            byte* p = Resolve(va + (ulong)bytes.Count, AccessKind.Read);
            if (p == null) return null;
            int inPage = (int)(0x1000 - ((va + (ulong)bytes.Count) & 0xFFF));
            for (int i = 0; i < inPage && bytes.Count < max; i++)
            {
                if (p[i] == 0) return Latin1Text.GetString(bytes.ToArray());
                bytes.Add(p[i]);
            }
        }
        return null;
    }
}
