// BenchPageTables: writes VMSAv8-64 4 KiB-granule descriptors into a bare machine's RAM for
// benchmarks that run with the MMU on (page tables taken from a bump region).
namespace Fast.Perf.Micro;

public sealed class BenchPageTables
{
    const ulong Valid = 1, TableOrPage = 2, AccessFlag = 1UL << 10, ApEl0ReadWrite = 1UL << 6;
    readonly BareMachine machine;
    ulong next;

    public ulong Root { get; }

    public BenchPageTables(BareMachine machine, ulong pool)
    {
        this.machine = machine;
        next = pool;
        Root = NewTable();
    }

    ulong NewTable()
    {
        ulong t = next;
        next += 0x1000;
        machine.Machine.Ram.Span(t, 0x1000).Clear();
        return t;
    }

    /// <summary>The physical address of va's level-3 descriptor, creating tables on the way.</summary>
    public ulong LeafSlot(ulong va)
    {
        var ram = machine.Machine.Ram;
        ulong table = Root;
        for (int level = 0; level < 3; level++)
        {
            ulong slot = table + ((va >> (39 - 9 * level)) & 0x1FF) * 8;
            ulong desc = ram.Read64(slot);
            if ((desc & Valid) == 0) { desc = NewTable() | TableOrPage | Valid; ram.Write64(slot, desc); }
            table = desc & 0x0000_FFFF_FFFF_F000UL;
        }
        return table + ((va >> 12) & 0x1FF) * 8;
    }

    /// <summary>Maps one EL0 read-write, executable page.</summary>
    public void Map(ulong va, ulong pa) => machine.Machine.Ram.Write64(LeafSlot(va), pa | AccessFlag | ApEl0ReadWrite | TableOrPage | Valid);

    public void Unmap(ulong va) => machine.Machine.Ram.Write64(LeafSlot(va), 0);
}
