// ElfFile: a validating reader of ELF64 little-endian files (System V gABI; AArch64 by default).
//
// Everything is parsed and checked in the constructor, so a file either loads whole or fails with
// one ElfFormatException saying what is wrong and where; after that no accessor throws. Hostile
// input is the expected case (the OS loads whatever a guest asks it to): every offset and size is
// checked with overflow-safe arithmetic before use, counts are bounded by the file's length, and
// any other exception escaping the parse is a bug (the tests fuzz for it).
//
// Layers: header (e_ident, sizes, counts incl. the extended-numbering escapes PN_XNUM/SHN_XINDEX)
// -> program headers (PT_LOAD, PT_INTERP, PT_DYNAMIC) -> section headers and their names ->
// symbol tables (.symtab, .dynsym). The bytes are kept; SegmentData/SectionData slice them.
//
// A file may also be read lazily: the array is the file's size, and an ElfRangeLoader fills each
// range before it is first read (the parse reads only the header, the header tables, the section
// names, the symbol tables and PT_INTERP/PT_DYNAMIC; an image's pages are read as they fault in).
using System.Buffers.Binary;
using System.Text;

namespace Fast.Runtime.Elf;

/// <summary>Makes bytes [offset, offset + length) of a lazily read file's array hold the file's bytes (the range lies inside the file).</summary>
public delegate void ElfRangeLoader(int offset, int length);

public sealed class ElfFile
{
    readonly byte[] data;
    readonly ElfRangeLoader? load;

    public ElfHeader Header { get; }
    public IReadOnlyList<ElfProgramHeader> ProgramHeaders { get; }
    public IReadOnlyList<ElfSection> Sections { get; }
    /// <summary>Symbols of .symtab then .dynsym (the null symbol at index 0 of each left out).</summary>
    public IReadOnlyList<ElfSymbol> Symbols { get; }
    /// <summary>The PT_INTERP path (the dynamic loader), or null.</summary>
    public string? Interpreter { get; }
    /// <summary>The PT_DYNAMIC entries before DT_NULL, or empty.</summary>
    public IReadOnlyList<ElfDynamicEntry> Dynamic { get; }

    public int Length => data.Length;
    public IEnumerable<ElfProgramHeader> LoadSegments => ProgramHeaders.Where(p => p.IsLoad);

    public static ElfFile Load(string path, ushort? machine = ElfConstants.MachineAArch64) => new(File.ReadAllBytes(path), machine);

    /// <param name="bytes">The whole file (kept, not copied).</param>
    /// <param name="machine">The required e_machine, or null to accept any.</param>
    public ElfFile(byte[] bytes, ushort? machine = ElfConstants.MachineAArch64) : this(bytes, null, machine) { }

    /// <param name="bytes">An array of the file's length, kept (not copied).</param>
    /// <param name="load">Fills a range of bytes before it is first read; null: bytes already holds the whole file.</param>
    /// <param name="machine">The required e_machine, or null to accept any.</param>
    public ElfFile(byte[] bytes, ElfRangeLoader? load, ushort? machine = ElfConstants.MachineAArch64)
    {
        data = bytes ?? throw new ArgumentNullException(nameof(bytes));
        this.load = load;
        load?.Invoke(0, Math.Min(data.Length, ElfConstants.HeaderSize));
        Header = ReadHeader(machine);
        ProgramHeaders = ReadProgramHeaders();
        Sections = ReadSections();
        Symbols = ReadSymbols();
        Interpreter = ReadInterpreter();
        Dynamic = ReadDynamic();
    }

    /// <summary>The file bytes of a segment (FileSize bytes; the rest up to MemorySize is zero-fill).</summary>
    public ReadOnlySpan<byte> SegmentData(ElfProgramHeader segment) =>
        segment.FileSize == 0 ? ReadOnlySpan<byte>.Empty : Bytes(segment.Offset, segment.FileSize);

    /// <summary>The file bytes of a section (empty for NOBITS).</summary>
    public ReadOnlySpan<byte> SectionData(ElfSection section) =>
        section.HasFileData ? Bytes(section.Offset, section.Size) : ReadOnlySpan<byte>.Empty;

    public ElfSection? FindSection(string name) => Sections.FirstOrDefault(s => s.Name == name);

    // ---- header ----

    ElfHeader ReadHeader(ushort? machine)
    {
        if (data.Length < 4 || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
            throw Error(data.Length < 4 ? $"truncated: {data.Length} bytes, shorter than the ELF magic" : "bad magic: not an ELF file");
        if (data.Length < ElfConstants.HeaderSize)
            throw Error($"truncated: {data.Length} bytes, shorter than the 64-byte ELF64 header");
        if (data[4] != 2) throw Error(data[4] == 1 ? "wrong class: ELFCLASS32, expected ELFCLASS64" : $"bad class {data[4]} in e_ident");
        if (data[5] != 1) throw Error(data[5] == 2 ? "wrong data encoding: big-endian, expected little-endian" : $"bad data encoding {data[5]} in e_ident");
        if (data[6] != 1) throw Error($"bad ELF version {data[6]} in e_ident");

        var type = (ElfType)U16(16);
        ushort mach = U16(18);
        if (machine is ushort wanted && mach != wanted) throw Error($"wrong machine {mach}, expected {wanted}{(wanted == ElfConstants.MachineAArch64 ? " (AArch64)" : "")}");
        uint version = U32(20);
        if (version != 1) throw Error($"bad e_version {version}");
        ulong phoff = U64(32), shoff = U64(40);
        ushort ehsize = U16(52), phentsize = U16(54), phnum = U16(56), shentsize = U16(58), shnum = U16(60), shstrndx = U16(62);
        if (ehsize < ElfConstants.HeaderSize) throw Error($"bad e_ehsize {ehsize}");

        // Extended numbering (gABI): counts that do not fit 16 bits live in section header 0.
        int shCount = shnum, phCount = phnum, nameIndex = shstrndx;
        if (shoff != 0)
        {
            if (shentsize != ElfConstants.SectionHeaderSize) throw Error($"bad e_shentsize {shentsize}, expected 64");
            CheckRange(shoff, ElfConstants.SectionHeaderSize, "section header 0");
            int at = (int)shoff;
            if (shnum == 0) shCount = Count(U64(at + 32), "section count (section 0 sh_size)");
            if (shstrndx == ElfConstants.SectionIndexExtended) nameIndex = Count(U32(at + 40), "section name table index (section 0 sh_link)");
            if (phnum == ElfConstants.ProgramHeaderCountExtended) phCount = Count(U32(at + 44), "program header count (section 0 sh_info)");
        }
        else
        {
            shCount = 0;
            if (shnum != 0) throw Error($"e_shnum {shnum} with no section header table (e_shoff 0)");
        }
        if (phCount > 0)
        {
            if (phentsize != ElfConstants.ProgramHeaderSize) throw Error($"bad e_phentsize {phentsize}, expected 56");
            CheckRange(phoff, (ulong)phCount * ElfConstants.ProgramHeaderSize, $"program header table ({phCount} entries)");
        }
        if (shCount > 0)
        {
            CheckRange(shoff, (ulong)shCount * ElfConstants.SectionHeaderSize, $"section header table ({shCount} entries)");
            if (nameIndex != 0 && nameIndex >= shCount) throw Error($"section name table index {nameIndex} out of range (e_shnum {shCount})");
        }
        else nameIndex = 0;

        return new ElfHeader(data[7], data[8], type, mach, version, U64(24), phoff, shoff, U32(48), ehsize,
            phentsize, phCount, shentsize, shCount, nameIndex);
    }

    // ---- program headers ----

    List<ElfProgramHeader> ReadProgramHeaders()
    {
        var list = new List<ElfProgramHeader>(Header.ProgramHeaderCount);
        for (int i = 0; i < Header.ProgramHeaderCount; i++)
        {
            int at = (int)Header.ProgramHeaderOffset + i * ElfConstants.ProgramHeaderSize;
            var p = new ElfProgramHeader((ElfSegmentType)U32(at), (ElfSegmentFlags)U32(at + 4), U64(at + 8), U64(at + 16),
                U64(at + 24), U64(at + 32), U64(at + 40), U64(at + 48));
            // The messages' wording (the type's name) is built only on an error.
            string What() => $"program header {i} ({p.Type})";
            // A segment with no file bytes (a bss-only PT_LOAD) may have any p_offset: Linux reads nothing.
            if (p.FileSize != 0 && !InFile(p.Offset, p.FileSize)) CheckRange(p.Offset, p.FileSize, What());
            if (p.IsLoad)
            {
                if (p.FileSize > p.MemorySize) throw Error($"{What()}: p_filesz 0x{p.FileSize:x} exceeds p_memsz 0x{p.MemorySize:x}");
                if (p.VirtualAddress + p.MemorySize < p.VirtualAddress) throw Error($"{What()}: p_vaddr + p_memsz overflows");
                if (p.Alignment > 1)
                {
                    if ((p.Alignment & (p.Alignment - 1)) != 0) throw Error($"{What()}: p_align 0x{p.Alignment:x} is not a power of two");
                    if ((p.VirtualAddress - p.Offset) % p.Alignment != 0) throw Error($"{What()}: p_vaddr 0x{p.VirtualAddress:x} and p_offset 0x{p.Offset:x} disagree modulo p_align");
                }
            }
            list.Add(p);
        }
        return list;
    }

    string? ReadInterpreter()
    {
        var interp = ProgramHeaders.Where(p => p.Type == ElfSegmentType.Interp).ToList();
        if (interp.Count == 0) return null;
        if (interp.Count > 1) throw Error("more than one PT_INTERP");
        var bytes = SegmentData(interp[0]);
        int nul = bytes.IndexOf((byte)0);
        if (nul <= 0) throw Error("PT_INTERP is empty or not NUL-terminated");
        return Latin1Text.GetString(bytes[..nul]);   // a guest path: its bytes, one char per byte
    }

    // An array, not a List: List<ElfDynamicEntry> (a struct) would be JIT-compiled at every start
    // (and NoDynamic, not []: so would Array.Empty<ElfDynamicEntry>).
    static readonly ElfDynamicEntry[] NoDynamic = new ElfDynamicEntry[0];

    ElfDynamicEntry[] ReadDynamic()
    {
        var dyn = ProgramHeaders.FirstOrDefault(p => p.Type == ElfSegmentType.Dynamic);
        if (dyn is null) return NoDynamic;
        var bytes = SegmentData(dyn);
        for (int end = 0; end + ElfConstants.DynamicEntrySize <= bytes.Length; end += ElfConstants.DynamicEntrySize)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(bytes[end..]) != 0) continue;
            var entries = new ElfDynamicEntry[end / ElfConstants.DynamicEntrySize];
            for (int i = 0; i < entries.Length; i++)
            {
                int at = i * ElfConstants.DynamicEntrySize;
                entries[i] = new ElfDynamicEntry(BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 8)..]));
            }
            return entries;
        }
        throw Error("PT_DYNAMIC has no DT_NULL terminator");
    }

    // ---- sections ----

    List<ElfSection> ReadSections()
    {
        int count = Header.SectionHeaderCount;
        var raw = new RawSection[count];
        for (int i = 0; i < count; i++)
        {
            int at = (int)Header.SectionHeaderOffset + i * ElfConstants.SectionHeaderSize;
            raw[i] = new RawSection
            {
                Name = U32(at), Type = (ElfSectionType)U32(at + 4), Flags = U64(at + 8), Addr = U64(at + 16), Offset = U64(at + 24),
                Size = U64(at + 32), Link = U32(at + 40), Info = U32(at + 44), Align = U64(at + 48), EntSize = U64(at + 56),
            };
            var t = raw[i].Type;
            if (t != ElfSectionType.NoBits && t != ElfSectionType.Null)
                if (!InFile(raw[i].Offset, raw[i].Size)) CheckRange(raw[i].Offset, raw[i].Size, $"section {i}");
        }
        ReadOnlySpan<byte> names = default;
        if (Header.SectionNameTableIndex != 0)
        {
            var s = raw[Header.SectionNameTableIndex];
            if (s.Type != ElfSectionType.StrTab) throw Error($"section name table (section {Header.SectionNameTableIndex}) is not SHT_STRTAB");
            names = Bytes(s.Offset, s.Size);
        }
        var list = new List<ElfSection>(count);
        for (int i = 0; i < count; i++)
        {
            var r = raw[i];
            string name = i == 0 || Header.SectionNameTableIndex == 0 ? "" : TryString(names, r.Name) ?? String(names, r.Name, $"name of section {i}");
            list.Add(new ElfSection(i, name, r.Type, (ElfSectionFlags)r.Flags, r.Addr, r.Offset, r.Size, r.Link, r.Info, r.Align, r.EntSize));
        }
        return list;
    }

    /// <summary>A section header as read (ElfSection once its name is resolved); a struct of ours, not a
    /// ValueTuple of ten, whose instantiation would be JIT-compiled.</summary>
    struct RawSection
    {
        public uint Name, Link, Info;
        public ElfSectionType Type;
        public ulong Flags, Addr, Offset, Size, Align, EntSize;
    }

    List<ElfSymbol> ReadSymbols()
    {
        var list = new List<ElfSymbol>();
        foreach (var kind in (ReadOnlySpan<ElfSectionType>)[ElfSectionType.SymTab, ElfSectionType.DynSym])
        foreach (var table in Sections)
        {
            if (table.Type != kind) continue;
            string what = $"symbol table {table.Name} (section {table.Index})";
            if (table.EntrySize != ElfConstants.SymbolSize) throw Error($"{what}: sh_entsize {table.EntrySize}, expected 24");
            if (table.Size % ElfConstants.SymbolSize != 0) throw Error($"{what}: size 0x{table.Size:x} is not a multiple of 24");
            if (table.Link == 0 || table.Link >= (uint)Sections.Count || Sections[(int)table.Link].Type != ElfSectionType.StrTab)
                throw Error($"{what}: sh_link {table.Link} is not a string table");
            var strings = SectionData(Sections[(int)table.Link]);
            var bytes = SectionData(table);
            for (int at = ElfConstants.SymbolSize; at + ElfConstants.SymbolSize <= bytes.Length; at += ElfConstants.SymbolSize)
            {
                var e = bytes[at..];
                uint nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(e);
                byte info = e[4];
                ushort shndx = BinaryPrimitives.ReadUInt16LittleEndian(e[6..]);
                list.Add(new ElfSymbol(TryString(strings, nameOffset) ?? String(strings, nameOffset, $"{what}: name of symbol {at / ElfConstants.SymbolSize}"),
                    BinaryPrimitives.ReadUInt64LittleEndian(e[8..]), BinaryPrimitives.ReadUInt64LittleEndian(e[16..]),
                    (ElfSymbolType)(info & 0xF), (ElfSymbolBinding)(info >> 4), (byte)(e[5] & 3), shndx, table.Name));
            }
        }
        return list;
    }

    // ---- checked access ----

    static string String(ReadOnlySpan<byte> table, uint offset, string what)
    {
        if (offset >= (uint)table.Length) throw Error($"{what}: string offset 0x{offset:x} outside its string table (size 0x{table.Length:x})");
        var rest = table[(int)offset..];
        int nul = rest.IndexOf((byte)0);
        if (nul < 0) throw Error($"{what}: string at 0x{offset:x} is not NUL-terminated");
        return Name(rest[..nul]);
    }

    /// <summary>The string at offset, or null where String would throw (callers word the error only then).</summary>
    static string? TryString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= (uint)table.Length) return null;
        var rest = table[(int)offset..];
        int nul = rest.IndexOf((byte)0);
        return nul < 0 ? null : Name(rest[..nul]);
    }

    /// <summary>A section or symbol name, as UTF-8 (ASCII, nearly always, by a plain loop: UTF-8 decoding's
    /// first call costs ~1.3 ms of start-up, and nothing else on `fast run`'s way needs it).</summary>
    static string Name(ReadOnlySpan<byte> bytes) => Latin1Text.IsAscii(bytes) ? Latin1Text.GetString(bytes) : Encoding.UTF8.GetString(bytes);

    bool InFile(ulong offset, ulong size) => offset <= (ulong)data.Length && size <= (ulong)data.Length - offset;

    void CheckRange(ulong offset, ulong size, string what)
    {
        if (!InFile(offset, size))
            throw Error($"{what}: bytes 0x{offset:x}+0x{size:x} lie outside the file (0x{data.Length:x} bytes)");
        load?.Invoke((int)offset, (int)size);   // (the header's tables: read by the parse next)
    }

    /// <summary>A range checked to lie in the file, filled first when the file is read lazily.</summary>
    ReadOnlySpan<byte> Bytes(ulong offset, ulong size)
    {
        load?.Invoke((int)offset, (int)size);
        return data.AsSpan((int)offset, (int)size);
    }

    int Count(ulong value, string what) =>
        value <= (ulong)data.Length ? (int)value : throw Error($"{what} {value} is larger than the file could hold");

    ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at));
    uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
    ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));

    static ElfFormatException Error(string message) => new($"ELF: {message}");
}
