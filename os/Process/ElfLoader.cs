// ElfLoader: maps an ELF64 AArch64 image into a process (static ET_EXEC, static-PIE and dynamic
// ET_DYN, and the PT_INTERP loader) the way Linux's binfmt_elf does: every PT_LOAD becomes an
// image region with the segment's permissions whose pages fault in lazily: a page holding file bytes
// is filled from the file at its first touch (ProcessMemory's unread pages; exec's LazyImageFile
// reads it from the file only then), the rest of each segment (.bss) is zero.
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
    public static ElfFile Read(byte[] bytes, string name) => Read(bytes, null, name);

    /// <summary>Read, for a file read as it is needed (only what the parse looks at, here).</summary>
    public static ElfFile Read(LazyImageFile file, string name) => Read(file.Bytes, file.Load, name);

    static ElfFile Read(byte[] bytes, ElfRangeLoader? load, string name)
    {
        ElfFile elf;
        try
        {
            elf = new ElfFile(bytes, load);
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
        elf.Header.Type == ElfType.SharedObject ? @base - (Bounds(elf).Low & ~(Page - 1)) : 0;

    /// <summary>Total span of the loadable segments, page aligned (for choosing where to put an interpreter).</summary>
    public static ulong Span(ElfFile elf)
    {
        var (lo, hi) = Bounds(elf);
        return ((hi + Page - 1) & ~(Page - 1)) - (lo & ~(Page - 1));
    }

    /// <summary>The lowest address and the end of the highest loadable segment (Read checked there is one).</summary>
    static (ulong Low, ulong End) Bounds(ElfFile elf)
    {
        ulong lo = ulong.MaxValue, hi = 0;
        foreach (var s in elf.LoadSegments)
        {
            lo = Math.Min(lo, s.VirtualAddress);
            hi = Math.Max(hi, s.VirtualAddress + s.MemorySize);
        }
        return (lo, hi);
    }

    /// <param name="file">The file elf was read from lazily (its pages are read from it as they fault in), or null.</param>
    public static LoadedImage Load(KernelServices k, ProcessMemory memory, ElfFile elf, ulong bias, string name, LazyImageFile? file = null)
    {
        // The image's pages in order with their protection (the union over the segments touching each).
        // Arrays and loops, not a SortedDictionary and LINQ: their instantiations over these value
        // types are JIT-compiled at every start (~70 methods, outside ReadyToRun's version bubble).
        var segments = elf.LoadSegments.ToArray();
        ulong lowPage = ulong.MaxValue, highEnd = 0;
        foreach (var s in segments)
        {
            if (s.FileSize > s.MemorySize) throw new LoaderException($"{name}: segment at 0x{s.VirtualAddress:x} has more file bytes than memory");
            ulong start = s.VirtualAddress + bias, end = start + s.MemorySize;
            if (end < start || end > VSpace.UserLimit || start < VaLayout.Low)
                throw new LoaderException($"{name}: segment at 0x{start:x} lies outside the user address space");
            lowPage = Math.Min(lowPage, start & ~(Page - 1));
            highEnd = Math.Max(highEnd, end);
        }
        int pageCount = segments.Length == 0 ? 0 : (int)((highEnd - lowPage + Page - 1) / Page);
        var protection = new MapFlags[pageCount];   // None: a gap between segments
        foreach (var s in segments)
        {
            ulong start = s.VirtualAddress + bias, end = start + s.MemorySize;
            var flags = ToMapFlags(s.Flags);
            for (ulong p = start & ~(Page - 1); p < end; p += Page)
                protection[(p - lowPage) / Page] |= flags;
        }
        bool Covered(int i) => protection[i] != MapFlags.None || segments.Any(s => s.MemorySize > 0 && s.VirtualAddress + bias < lowPage + (ulong)(i + 1) * Page && s.VirtualAddress + bias + s.MemorySize > lowPage + (ulong)i * Page);

        // Regions: runs of consecutive pages with the same protection.
        for (int i = 0; i < pageCount;)
        {
            if (!Covered(i)) { i++; continue; }
            int j = i + 1;
            while (j < pageCount && protection[j] == protection[i] && Covered(j)) j++;
            ulong runStart = lowPage + (ulong)i * Page;
            var err = memory.Space.AddRegion(runStart, (ulong)(j - i) * Page, RegionKind.Image, protection[i], name, out _);
            if (err != Err.Ok) throw new LoaderException($"{name}: cannot place segment at 0x{runStart:x}: {err.Message()}");
            i = j;
        }

        // Pages holding file bytes are read in at their first fault (a short run touches a fraction of
        // its image: busybox true ~100 of 450 pages); pure .bss pages fault in as zero pages.
        var source = new ImageSource(elf, segments, bias, file);
        for (int i = 0; i < pageCount; i++)
        {
            ulong page = lowPage + (ulong)i * Page;
            foreach (var s in segments)
                if (s.FileSize > 0 && s.VirtualAddress + bias < page + Page && s.VirtualAddress + bias + s.FileSize > page)
                {
                    memory.AddUnreadPage(page, source);
                    break;
                }
        }

        ulong phdr = ProgramHeaderAddress(elf, bias)
            ?? throw new LoaderException($"{name}: program headers are not inside a loadable segment");
        return new LoadedImage(elf.Header.Entry + bias, bias, phdr, elf.ProgramHeaders.Count, (highEnd + Page - 1) & ~(Page - 1), elf.Interpreter) { Start = lowPage };
    }

    /// <summary>An image's file bytes for the pages the loader left to fault in.</summary>
    sealed class ImageSource(ElfFile elf, ElfProgramHeader[] segments, ulong bias, LazyImageFile? file) : IPageSource
    {
        public void Fill(ulong page, Span<byte> bytes)
        {
            foreach (var s in segments)
            {
                ulong fileStart = s.VirtualAddress + bias, fileEnd = fileStart + s.FileSize;
                ulong from = Math.Max(fileStart, page), to = Math.Min(fileEnd, page + Page);
                if (from >= to) continue;
                var destination = bytes.Slice((int)(from - page), (int)(to - from));
                if (file is not null) file.ReadAt((long)(s.Offset + (from - fileStart)), destination);
                else elf.SegmentData(s).Slice((int)(from - fileStart), destination.Length).CopyTo(destination);   // (read whole)
            }
        }

        public void Track(int delta) => file?.Track(delta);
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
