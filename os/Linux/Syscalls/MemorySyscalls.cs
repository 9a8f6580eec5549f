// Memory system calls: brk, mmap, munmap, mprotect, mremap, madvise. Anonymous memory is lazy:
// mmap only records a region and pages fault in zero-filled. A regular file's mapping reads each
// page from the file at its first fault (FileMappingSource); a device's is read when it is made
// (MAP_SHARED file mappings are treated as private copies: writes do not reach the file — a known
// limitation). Addresses are chosen bottom-up above the PIE area.
using Fast.Os.Linux.Abi;
using Fast.Os.Paging;
using Fast.Os.Process;

namespace Fast.Os.Linux.Syscalls;

static partial class MemorySyscalls
{
    const ulong Page = 4096;
    const int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    const int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;
    public const ulong MmapBase = VaLayout.PieBase + 0x1000_0000_0000UL;

    static ulong PageUp(ulong v) => (v + Page - 1) & ~(Page - 1);

    public static MapFlags ToMapFlags(int prot) =>
        ((prot & PROT_READ) != 0 ? MapFlags.Read : 0) |
        ((prot & PROT_WRITE) != 0 ? MapFlags.Write | MapFlags.Read : 0) |
        ((prot & PROT_EXEC) != 0 ? MapFlags.Execute | MapFlags.Read : 0);

    [Syscall(214, "addr")]
    static long Brk(SyscallContext c)
    {
        var m = c.Process.Memory;
        ulong want = c.Arg(0);
        if (want < m.BrkStart || want > m.BrkStart + (1UL << 40)) return (long)m.Brk;
        ulong oldTop = PageUp(m.Brk), newTop = PageUp(want);
        if (newTop > oldTop)
        {
            if (m.Space.AddRegion(oldTop, newTop - oldTop, RegionKind.Heap, MapFlags.ReadWrite, "[heap]", out _) != Err.Ok) return (long)m.Brk;
        }
        else if (newTop < oldTop) m.Unmap(newTop, oldTop - newTop);
        m.Brk = want;
        return (long)want;
    }

    [Syscall(222, "addr, length, prot, flags, fd, offset")]
    static long Mmap(SyscallContext c)
    {
        ulong addr = c.Arg(0), length = c.Arg(1);
        int prot = c.IntArg(2), flags = c.IntArg(3), fd = c.IntArg(4);
        long offset = c.LongArg(5);
        if (length == 0 || (offset & (long)(Page - 1)) != 0 || (addr & (Page - 1)) != 0 && (flags & MAP_FIXED) != 0) return Errno.EINVAL.Neg();
        if ((flags & (MAP_SHARED | MAP_PRIVATE)) == 0) return Errno.EINVAL.Neg();
        ulong size = PageUp(length);
        if (size < length) return Errno.ENOMEM.Neg();
        var m = c.Process.Memory;
        bool anonymous = (flags & MAP_ANONYMOUS) != 0;
        Vfs.OpenFile? file = null;
        if (!anonymous)
        {
            file = c.Process.Files.Fds.Get(fd);
            if (file is null) return Errno.EBADF.Neg();
            if (!file.CanRead) return Errno.EACCES.Neg();
        }

        ulong start;
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0)
        {
            start = addr & ~(Page - 1);
            if (start < VaLayout.Low || start + size > VSpace.UserLimit || start + size < start) return Errno.ENOMEM.Neg();
            if ((flags & MAP_FIXED_NOREPLACE) != 0 && m.Space.Regions.Any(r => r.Start < start + size && r.End > start)) return Errno.EEXIST.Neg();
            m.Unmap(start, size);
        }
        else
        {
            ulong hint = addr >= VaLayout.Low ? addr & ~(Page - 1) : MmapBase;
            if (m.Space.FindFree(size, hint, VaLayout.MmapTop, out start) != Err.Ok &&
                m.Space.FindFree(size, MmapBase, VaLayout.MmapTop, out start) != Err.Ok) return Errno.ENOMEM.Neg();
        }
        var protection = ToMapFlags(prot);
        if (m.Space.AddRegion(start, size, RegionKind.Mmap, protection, file?.Path ?? "", out _) != Err.Ok) return Errno.ENOMEM.Neg();

        if (file is not null && (protection & MapFlags.Execute) != 0 && Fast.Runtime.Observability.FastEventSource.SamplingEnabled)
            Fast.Runtime.Observability.FastEventSource.Log.ImageMapped(c.Process.Pid, start, start + size, 0, (ulong)offset, file.Path);
        if (file is not null && file.Stat(out var st) >= 0 && StatMode.IsReg(st.Mode))
        {
            // A regular file's pages are read as they fault in (FileMappingSource); those wholly past
            // its end stay zero pages.
            long filePages = offset >= st.Size ? 0 : (st.Size - offset + (long)Page - 1) / (long)Page;
            int count = (int)Math.Min(filePages, (long)(size / Page));
            if (count > 0) m.AddUnreadPages(start, count, new FileMappingSource(file, start, offset));
        }
        else if (file is not null && (protection & MapFlags.Read) != 0)
        {
            // Anything else (a device) is read now; bytes past what it gives read as zero.
            var buffer = new byte[Page];
            for (ulong done = 0; done < size; done += Page)
            {
                Array.Clear(buffer);
                long n = file.PRead(buffer, offset + (long)done);
                if (n < 0) { m.Unmap(start, size); return n; }
                if (n == 0) break;
                if (!UserPage.Allocate(c.Kernel, out var page).Equals(Err.Ok)) { m.Unmap(start, size); return Errno.ENOMEM.Neg(); }
                buffer.AsSpan(0, (int)n).CopyTo(page.Bytes(c.Kernel.Ram));
                m.MapPage(start + done, page, protection);
                if (n < (long)Page) break;
            }
        }
        return (long)start;
    }

    [Syscall(215, "addr, length")]
    static long Munmap(SyscallContext c)
    {
        ulong addr = c.Arg(0), length = c.Arg(1);
        if ((addr & (Page - 1)) != 0 || length == 0) return Errno.EINVAL.Neg();
        ulong size = PageUp(length);
        if (addr + size < addr || addr + size > VSpace.UserLimit) return Errno.EINVAL.Neg();
        c.Process.Memory.Unmap(addr, size);
        return 0;
    }

    [Syscall(226, "addr, length, prot")]
    static long Mprotect(SyscallContext c)
    {
        ulong addr = c.Arg(0), size = PageUp(c.Arg(1));
        if ((addr & (Page - 1)) != 0) return Errno.EINVAL.Neg();
        if (size == 0) return 0;
        var m = c.Process.Memory;
        // Every page of the range must be inside a region (ENOMEM otherwise, as Linux).
        ulong covered = 0;
        foreach (var r in m.Space.Regions)
            if (r.Start < addr + size && r.End > addr) covered += Math.Min(r.End, addr + size) - Math.Max(r.Start, addr);
        if (covered != size) return Errno.ENOMEM.Neg();
        m.Protect(addr, size, ToMapFlags(c.IntArg(2)));
        return 0;
    }

    [Syscall(216, "old_address, old_size, new_size, flags, new_address")]
    static long Mremap(SyscallContext c)
    {
        ulong old = c.Arg(0), oldSize = PageUp(c.Arg(1)), newSize = PageUp(c.Arg(2));
        int flags = c.IntArg(3);
        const int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
        if ((old & (Page - 1)) != 0 || newSize == 0 || (flags & MREMAP_FIXED) != 0) return Errno.EINVAL.Neg();
        var m = c.Process.Memory;
        var region = m.Space.FindRegion(old);
        // The old range may span adjacent regions (a mapping grown in place by an earlier mremap).
        ulong covered = m.Space.Regions.Where(r => r.Start < old + oldSize && r.End > old).Aggregate(0UL, (sum, r) => sum + Math.Min(r.End, old + oldSize) - Math.Max(r.Start, old));
        if (region is null || covered != oldSize) return Errno.EFAULT.Neg();
        if (newSize <= oldSize)
        {
            if (newSize < oldSize) m.Unmap(old + newSize, oldSize - newSize);
            return (long)old;
        }
        if (m.Space.AddRegion(old + oldSize, newSize - oldSize, region.Kind, region.Protection, region.Name, out _) == Err.Ok) return (long)old;
        if ((flags & MREMAP_MAYMOVE) == 0) return Errno.ENOMEM.Neg();
        if (m.Space.FindFree(newSize, MmapBase, VaLayout.MmapTop, out ulong moved) != Err.Ok) return Errno.ENOMEM.Neg();
        m.Space.AddRegion(moved, newSize, region.Kind, region.Protection, region.Name, out _).ThrowIfFailed();
        var data = new byte[oldSize];
        if (c.User.Read(old, data) != 0 || c.User.Write(moved, data) != 0) { m.Unmap(moved, newSize); return Errno.EFAULT.Neg(); }
        m.Unmap(old, oldSize);
        return (long)moved;
    }

    [Syscall(233, "addr, length, advice")]
    static long Madvise(SyscallContext c)
    {
        const int MADV_DONTNEED = 4;
        if ((c.Arg(0) & (Page - 1)) != 0) return Errno.EINVAL.Neg();
        if (c.IntArg(2) == MADV_DONTNEED) c.Process.Memory.DiscardPages(c.Arg(0), PageUp(c.Arg(1)));
        return 0;
    }
}
