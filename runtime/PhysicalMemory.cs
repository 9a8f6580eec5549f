// PhysicalMemory: the guest's RAM and the routing of physical addresses to devices.
//
// RAM is one host reservation made with mmap(MAP_NORESERVE): the host commits a page only when
// the guest first touches it, so a machine with gigabytes of guest RAM costs what it uses. Guest
// physical address 0 is the first byte of RAM. MMIO ranges live above RAM and are routed to
// IDevice instances; they are never cached in a TLB with a host pointer.
//
// It also keeps one bit per RAM page saying "this page holds translated code" (set by the
// translator, cleared when a write to the page drops the translations). The bitmap is updated
// with interlocked operations; readers tolerate a stale bit because setting a bit is always
// followed by a TLB write revocation on every vCPU.
using System.Runtime.InteropServices;

namespace Fast.Runtime;

public sealed unsafe class PhysicalMemory : IDisposable
{
    public const ulong PageSize = 4096;
    public const ulong DefaultSize = 1UL << 30;

    public byte* Base { get; }
    public ulong Size { get; }
    readonly ulong[] codePages;
    readonly List<MmioRange> mmio = new();

    public PhysicalMemory(ulong size = DefaultSize)
    {
        if (size == 0 || size % PageSize != 0) throw new ArgumentException("guest RAM size must be a positive multiple of 4 KiB", nameof(size));
        Size = size;
        Base = (byte*)HostMemory.Reserve(size);
        codePages = new ulong[(size / PageSize + 63) / 64];
    }

    public bool IsRam(ulong pa, ulong length = 1) => pa < Size && length <= Size - pa;

    /// <summary>The host address of a RAM byte; the caller has checked IsRam.</summary>
    public byte* HostPointer(ulong pa) => Base + pa;

    public Span<byte> Span(ulong pa, int length)
    {
        if (!IsRam(pa, (ulong)length)) throw new ArgumentOutOfRangeException(nameof(pa), $"physical range 0x{pa:x}+{length} is not RAM");
        return new Span<byte>(Base + pa, length);
    }

    public ulong Read64(ulong pa) => IsRam(pa, 8) ? *(ulong*)(Base + pa) : throw new ArgumentOutOfRangeException(nameof(pa));
    public void Write64(ulong pa, ulong value)
    {
        if (!IsRam(pa, 8)) throw new ArgumentOutOfRangeException(nameof(pa));
        *(ulong*)(Base + pa) = value;
    }

    // ---- code pages ----

    public bool IsCodePage(ulong pa)
    {
        ulong page = pa / PageSize;
        return page < (ulong)codePages.Length * 64 && (Volatile.Read(ref codePages[page / 64]) & (1UL << (int)(page % 64))) != 0;
    }

    /// <summary>Marks a page as holding translated code; returns true if it was not marked before.</summary>
    public bool MarkCodePage(ulong pa)
    {
        ulong page = pa / PageSize;
        ulong bit = 1UL << (int)(page % 64);
        return (Interlocked.Or(ref codePages[page / 64], bit) & bit) == 0;
    }

    public void ClearCodePage(ulong pa)
    {
        ulong page = pa / PageSize;
        Interlocked.And(ref codePages[page / 64], ~(1UL << (int)(page % 64)));
    }

    // ---- MMIO ----

    public void MapDevice(ulong pa, ulong length, IDevice device)
    {
        if (pa < Size) throw new ArgumentException($"MMIO at 0x{pa:x} overlaps RAM");
        foreach (var r in mmio)
            if (pa < r.Start + r.Length && r.Start < pa + length) throw new ArgumentException($"MMIO at 0x{pa:x} overlaps {r.Device.Name}");
        mmio.Add(new MmioRange(pa, length, device));
    }

    public bool TryFindDevice(ulong pa, out IDevice device, out ulong offset)
    {
        foreach (var r in mmio)
        {
            if (pa >= r.Start && pa - r.Start < r.Length)
            {
                device = r.Device;
                offset = pa - r.Start;
                return true;
            }
        }
        device = null!;
        offset = 0;
        return false;
    }

    public void Dispose() => HostMemory.Release(Base, Size);

    // A class: List<T> over a Fast value type is JIT-compiled at start-up.
    sealed record MmioRange(ulong Start, ulong Length, IDevice Device);
}

/// <summary>Lazily committed host memory (mmap with MAP_NORESERVE).</summary>
static unsafe class HostMemory
{
    const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MapNoReserve = 0x4000;

    // Blittable and without SetLastError, so ReadyToRun calls them directly: with it each needed a
    // marshalling stub JIT-compiled at every start (errno is read at once instead, for a message only).
    [DllImport("libc")]
    static extern void* mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [DllImport("libc")]
    static extern int munmap(void* addr, nuint length);

    public static void* Reserve(ulong size)
    {
        void* p = mmap(null, (nuint)size, ProtRead | ProtWrite, MapPrivate | MapAnonymous | MapNoReserve, -1, 0);
        if (p == (void*)-1) throw new OutOfMemoryException($"cannot reserve {size} bytes of guest RAM (errno {Marshal.GetLastSystemError()})");
        return p;
    }

    public static void Release(void* p, ulong size) => munmap(p, (nuint)size);
}
