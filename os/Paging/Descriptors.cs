// VMSAv8-64 stage-1 descriptors for the 4 KiB granule (ARM ARM D8.3), as the kernel writes them
// and runtime/SoftMmu reads them. Only EL0 mappings are made: AP[1] = 1 always, PXN = 1 always
// (the kernel runs in C#, never from guest pages), UXN unless executable, nG unless global.
// MAIR_EL1 convention of this OS: AttrIndx 0 = Normal write-back, 1 = Device-nGnRE.
namespace Fast.Os.Paging;

[Flags]
public enum MapFlags : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
    /// <summary>nG = 0: the translation is shared by every ASID.</summary>
    Global = 8,
    /// <summary>Device memory (forced for DevFrames).</summary>
    Device = 16,
    ReadWrite = Read | Write,
    ReadExecute = Read | Execute,
}

public static class Descriptors
{
    public const int Entries = 512;
    public const ulong PageSize = 4096;
    public const ulong Valid = 1, Table = 2, PageType = 2;
    public const ulong AttrDevice = 1UL << 2;          // AttrIndx[4:2] = 1
    public const ulong ApEl0 = 1UL << 6;               // AP[1]: EL0 access
    public const ulong ApReadOnly = 1UL << 7;          // AP[2]
    public const ulong InnerShareable = 3UL << 8;      // SH[9:8]
    public const ulong AccessFlag = 1UL << 10;
    public const ulong NotGlobal = 1UL << 11;
    public const ulong Pxn = 1UL << 53, Uxn = 1UL << 54;
    public const ulong AddressMask = 0x0000_FFFF_FFFF_F000UL;

    /// <summary>Bit position of the VA index for a table level (39, 30, 21, 12).</summary>
    public static int Shift(int level) => 39 - 9 * level;
    public static int Index(ulong va, int level) => (int)((va >> Shift(level)) & 0x1FF);
    /// <summary>Bytes one entry of a table at this level covers.</summary>
    public static ulong EntrySpan(int level) => 1UL << Shift(level);

    public static ulong TableDescriptor(ulong tablePa) => (tablePa & AddressMask) | Table | Valid;

    public static ulong PageDescriptor(ulong pa, MapFlags flags)
    {
        ulong d = (pa & AddressMask) | PageType | Valid | AccessFlag | ApEl0 | Pxn;
        if ((flags & MapFlags.Write) == 0) d |= ApReadOnly;
        if ((flags & MapFlags.Execute) == 0) d |= Uxn;
        if ((flags & MapFlags.Global) == 0) d |= NotGlobal;
        d |= (flags & MapFlags.Device) != 0 ? AttrDevice : InnerShareable;
        return d;
    }
}

/// <summary>Translations that must be dropped: Size bytes from Va in the tree rooted at RootPa.</summary>
public readonly record struct TlbInvalidation(ulong RootPa, ulong Va, ulong Size);
