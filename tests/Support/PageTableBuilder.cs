// PageTableBuilder: writes real VMSAv8-64 descriptors (4 KiB granule, 4 levels) into guest RAM,
// taking table pages from a bump region, so MMU tests exercise the same walker the OS will.
using Fast.Runtime;

namespace Fast.Tests.Support;

public sealed class PageTableBuilder
{
    public const ulong Valid = 1, Table = 2, Page = 2, AccessFlag = 1UL << 10, NotGlobal = 1UL << 11, Uxn = 1UL << 54;
    public const ulong ApEl0ReadWrite = 1UL << 6, ApEl0ReadOnly = 3UL << 6, ApEl1Only = 0;

    readonly PhysicalMemory ram;
    ulong next;
    public ulong Root { get; }

    public PageTableBuilder(PhysicalMemory ram, ulong tablePool)
    {
        this.ram = ram;
        next = tablePool;
        Root = NewTable();
    }

    ulong NewTable()
    {
        ulong t = next;
        next += 0x1000;
        ram.Span(t, 0x1000).Clear();
        return t;
    }

    /// <summary>Maps one 4 KiB page; attributes default to EL0 read-write, executable, AF set.</summary>
    public void MapPage(ulong va, ulong pa, ulong attributes = ApEl0ReadWrite | AccessFlag) =>
        Map(va, pa, 3, attributes | Page | Valid);

    /// <summary>Maps a 2 MiB block at level 2.</summary>
    public void MapBlock2M(ulong va, ulong pa, ulong attributes = ApEl0ReadWrite | AccessFlag) =>
        Map(va, pa, 2, attributes | Valid);

    /// <summary>Writes a raw descriptor at the given level for va, creating tables above it.</summary>
    public void Map(ulong va, ulong pa, int level, ulong descriptorBits)
    {
        ulong table = Root;
        for (int l = 0; l < level; l++)
        {
            ulong slot = table + ((va >> (39 - 9 * l)) & 0x1FF) * 8;
            ulong desc = ram.Read64(slot);
            if ((desc & Valid) == 0)
            {
                desc = NewTable() | Table | Valid;
                ram.Write64(slot, desc);
            }
            table = desc & 0x0000_FFFF_FFFF_F000UL;
        }
        ram.Write64(table + ((va >> (39 - 9 * level)) & 0x1FF) * 8, (pa & 0x0000_FFFF_FFFF_F000UL) | descriptorBits);
    }

    public void Unmap(ulong va) => Map(va, 0, 3, 0);
}
