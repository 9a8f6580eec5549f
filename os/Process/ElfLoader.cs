// ElfLoader: maps an ELF64 AArch64 image into a process (static ET_EXEC, static-PIE and dynamic
// ET_DYN, and the PT_INTERP loader) the way Linux's binfmt_elf does: every PT_LOAD becomes an
// image region with the segment's permissions, file bytes are copied into fresh pages, the rest of
// each segment (.bss) is zero — pages wholly past the file data are left to fault in lazily.
// Malformed input is refused with a LoaderException carrying one clear sentence.
using Fast.Os.Kernel;
using Fast.Os.Paging;
using Fast.Runtime.Elf;

namespace Fast.Os.Process;

public sealed class LoaderException(string message) : Exception(message);

public sealed record LoadedImage(ulong Entry, ulong Bias, ulong ProgramHeaders, int ProgramHeaderCount, ulong End, string? Interpreter)
{
    /// <summary>The lowest mapped address (page aligned).</summary>
    public ulong Start { get; init; }
}

public static class ElfLoader
{
    const ulong Page = Descriptors.PageSize;

    /// <summary>Reads and validates an executable; a missing, non-ELF or foreign file is a LoaderException.</summary>
    public static ElfFile Read(byte[] bytes, string name)
    {
        ElfFile elf;
        try
        {
            elf = new ElfFile(bytes);
        }
        catch (ElfFormatException e)
        {
            throw new LoaderException($"{name}: {e.Message}");
        }
        if (elf.Header.Type is not (ElfType.Executable or ElfType.SharedObject))
            throw new LoaderException($"{name}: not an executable (ELF type {elf.Header.Type})");
        if (!elf.LoadSegments.Any()) throw new LoaderException($"{name}: no loadable segments");
        return elf;
    }

    /// <summary>The bias a position-independent image needs so that its lowest segment lands at @base.</summary>
    public static ulong BiasFor(ElfFile elf, ulong @base) =>
        elf.Header.Type == ElfType.SharedObject ? @base - (elf.LoadSegments.Min(s => s.VirtualAddress) & ~(Page - 1)) : 0;

    /// <summary>Total span of the loadable segments, page aligned (for choosing where to put an interpreter).</summary>
    public static ulong Span(ElfFile elf)
    {
        ulong lo = elf.LoadSegments.Min(s => s.VirtualAddress) & ~(Page - 1);
        ulong hi = elf.LoadSegments.Max(s => s.VirtualAddress + s.MemorySize);
        return ((hi + Page - 1) & ~(Page - 1)) - lo;
    }

    public static LoadedImage Load(KernelServices k, ProcessMemory memory, ElfFile elf, ulong bias, string name)
    {
        var protection = new SortedDictionary<ulong, MapFlags>();
        var segments = elf.LoadSegments.ToList();
        foreach (var s in segments)
        {
            if (s.FileSize > s.MemorySize) throw new LoaderException($"{name}: segment at 0x{s.VirtualAddress:x} has more file bytes than memory");
            ulong start = s.VirtualAddress + bias, end = start + s.MemorySize;
            if (end < start || end > VSpace.UserLimit || start < VaLayout.Low)
                throw new LoaderException($"{name}: segment at 0x{start:x} lies outside the user address space");
            var flags = ToMapFlags(s.Flags);
            for (ulong p = start & ~(Page - 1); p < end; p += Page)
                protection[p] = protection.GetValueOrDefault(p) | flags;
        }

        // Regions: runs of consecutive pages with the same protection.
        ulong runStart = 0, runEnd = 0;
        MapFlags runFlags = MapFlags.None;
        foreach (var (page, flags) in protection.Append(new KeyValuePair<ulong, MapFlags>(ulong.MaxValue, MapFlags.None)))
        {
            if (page == runEnd && flags == runFlags) { runEnd += Page; continue; }
            if (runEnd > runStart)
            {
                var err = memory.Space.AddRegion(runStart, runEnd - runStart, RegionKind.Image, runFlags, name, out _);
                if (err != Err.Ok) throw new LoaderException($"{name}: cannot place segment at 0x{runStart:x}: {err.Message()}");
            }
            runStart = page;
            runEnd = page == ulong.MaxValue ? page : page + Page;
            runFlags = flags;
        }

        // Pages holding file bytes are filled now; pure .bss pages fault in as zero pages.
        foreach (var (page, flags) in protection)
        {
            bool hasFileBytes = segments.Any(s => s.FileSize > 0 && s.VirtualAddress + bias < page + Page && s.VirtualAddress + bias + s.FileSize > page);
            if (!hasFileBytes) continue;
            UserPage.Allocate(k, out var frame).ThrowIfFailed();
            var bytes = frame.Bytes(k.Ram);
            foreach (var s in segments)
            {
                ulong fileStart = s.VirtualAddress + bias, fileEnd = fileStart + s.FileSize;
                ulong from = Math.Max(fileStart, page), to = Math.Min(fileEnd, page + Page);
                if (from >= to) continue;
                elf.SegmentData(s).Slice((int)(from - fileStart), (int)(to - from)).CopyTo(bytes[(int)(from - page)..]);
            }
            memory.MapPage(page, frame, flags);
        }

        ulong phdr = ProgramHeaderAddress(elf, bias)
            ?? throw new LoaderException($"{name}: program headers are not inside a loadable segment");
        ulong top = segments.Max(s => s.VirtualAddress + bias + s.MemorySize);
        ulong lowest = (segments.Min(s => s.VirtualAddress) + bias) & ~(Page - 1);
        return new LoadedImage(elf.Header.Entry + bias, bias, phdr, elf.ProgramHeaders.Count, (top + Page - 1) & ~(Page - 1), elf.Interpreter) { Start = lowest };
    }

    static ulong? ProgramHeaderAddress(ElfFile elf, ulong bias)
    {
        var phdr = elf.ProgramHeaders.FirstOrDefault(p => p.Type == ElfSegmentType.Phdr);
        if (phdr is not null) return phdr.VirtualAddress + bias;
        ulong offset = elf.Header.ProgramHeaderOffset;
        var seg = elf.LoadSegments.FirstOrDefault(s => offset >= s.Offset && offset - s.Offset < s.FileSize);
        return seg is null ? null : seg.VirtualAddress + (offset - seg.Offset) + bias;
    }

    static MapFlags ToMapFlags(ElfSegmentFlags f) =>
        ((f & ElfSegmentFlags.Read) != 0 ? MapFlags.Read : 0) |
        ((f & ElfSegmentFlags.Write) != 0 ? MapFlags.Write | MapFlags.Read : 0) |
        ((f & ElfSegmentFlags.Execute) != 0 ? MapFlags.Execute | MapFlags.Read : 0);
}
