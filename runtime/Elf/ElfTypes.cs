// The records and constants of the ELF64 format (System V gABI, and the AArch64 ELF ABI's
// machine number) that ElfFile produces. Values are kept raw (ulong/uint) so nothing is lost;
// the enums name the values the loader and the disassembler care about.
namespace Fast.Runtime.Elf;

public enum ElfType : ushort { None = 0, Relocatable = 1, Executable = 2, SharedObject = 3, Core = 4 }

public enum ElfSegmentType : uint
{
    Null = 0, Load = 1, Dynamic = 2, Interp = 3, Note = 4, ShLib = 5, Phdr = 6, Tls = 7,
    GnuEhFrame = 0x6474E550, GnuStack = 0x6474E551, GnuRelro = 0x6474E552, GnuProperty = 0x6474E553,
}

[Flags]
public enum ElfSegmentFlags : uint { None = 0, Execute = 1, Write = 2, Read = 4 }

public enum ElfSectionType : uint
{
    Null = 0, ProgBits = 1, SymTab = 2, StrTab = 3, Rela = 4, Hash = 5, Dynamic = 6, Note = 7,
    NoBits = 8, Rel = 9, ShLib = 10, DynSym = 11, InitArray = 14, FiniArray = 15, PreinitArray = 16,
    Group = 17, SymTabShndx = 18,
}

[Flags]
public enum ElfSectionFlags : ulong { None = 0, Write = 1, Alloc = 2, ExecInstr = 4, Merge = 0x10, Strings = 0x20, Tls = 0x400 }

public enum ElfSymbolType : byte { NoType = 0, Object = 1, Func = 2, Section = 3, File = 4, Common = 5, Tls = 6, GnuIFunc = 10 }

public enum ElfSymbolBinding : byte { Local = 0, Global = 1, Weak = 2, GnuUnique = 10 }

public static class ElfConstants
{
    public const ushort MachineAArch64 = 183;
    public const int HeaderSize = 64;
    public const int ProgramHeaderSize = 56;
    public const int SectionHeaderSize = 64;
    public const int SymbolSize = 24;
    public const int DynamicEntrySize = 16;
    public const ushort SectionUndefined = 0;
    public const ushort SectionLoReserve = 0xFF00;
    public const ushort SectionAbsolute = 0xFFF1;
    public const ushort SectionCommon = 0xFFF2;
    public const ushort SectionIndexExtended = 0xFFFF;   // SHN_XINDEX
    public const ushort ProgramHeaderCountExtended = 0xFFFF; // PN_XNUM
}

/// <summary>The ELF64 file header (e_ident checked: ELFCLASS64, ELFDATA2LSB, EV_CURRENT).</summary>
public sealed record ElfHeader(
    byte OsAbi, byte AbiVersion, ElfType Type, ushort Machine, uint Version, ulong Entry,
    ulong ProgramHeaderOffset, ulong SectionHeaderOffset, uint Flags, ushort HeaderSize,
    ushort ProgramHeaderEntrySize, int ProgramHeaderCount, ushort SectionHeaderEntrySize,
    int SectionHeaderCount, int SectionNameTableIndex);

/// <summary>One program header (Elf64_Phdr); its file bytes lie within the file.</summary>
public sealed record ElfProgramHeader(
    ElfSegmentType Type, ElfSegmentFlags Flags, ulong Offset, ulong VirtualAddress, ulong PhysicalAddress,
    ulong FileSize, ulong MemorySize, ulong Alignment)
{
    public bool IsLoad => Type == ElfSegmentType.Load;
    public bool IsExecutable => (Flags & ElfSegmentFlags.Execute) != 0;
}

/// <summary>One section header (Elf64_Shdr) with its name resolved; its bytes lie within the file unless NOBITS.</summary>
public sealed record ElfSection(
    int Index, string Name, ElfSectionType Type, ElfSectionFlags Flags, ulong Address, ulong Offset,
    ulong Size, uint Link, uint Info, ulong Alignment, ulong EntrySize)
{
    public bool IsExecutable => (Flags & ElfSectionFlags.ExecInstr) != 0;
    public bool HasFileData => Type != ElfSectionType.NoBits && Type != ElfSectionType.Null;
}

/// <summary>One symbol (Elf64_Sym) with its name resolved; Table says which section holds it (.symtab or .dynsym).</summary>
public sealed record ElfSymbol(
    string Name, ulong Value, ulong Size, ElfSymbolType Type, ElfSymbolBinding Binding, byte Visibility,
    int SectionIndex, string Table)
{
    public bool IsDefined => SectionIndex != ElfConstants.SectionUndefined;
}

/// <summary>One entry of the PT_DYNAMIC array (Elf64_Dyn), up to and excluding DT_NULL.</summary>
public readonly record struct ElfDynamicEntry(long Tag, ulong Value);

/// <summary>A malformed or unsupported ELF file: the message says what and where.</summary>
public sealed class ElfFormatException(string message) : Exception(message);
