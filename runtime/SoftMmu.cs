// SoftMmu: VMSAv8-64 stage-1 translation for EL0 accesses (ARM ARM D8, "The AArch64 Virtual
// Memory System Architecture"), 4 KiB granule, 48-bit VA (TCR_EL1.T0SZ = 16), TTBR0_EL1 only.
//
// The OS writes real descriptors into guest RAM; this walker reads them from PhysicalMemory and
// nothing bypasses it. It is stateless: the caller (Vcpu) caches results in its Tlb.
//
//   level 0  VA[47:39]  table only            level 2  VA[29:21]  table or 2 MiB block
//   level 1  VA[38:30]  table or 1 GiB block  level 3  VA[20:12]  4 KiB page
//
// Checks, in the priority order of ARM ARM D8.15 (fault prioritization): translation
// (invalid descriptor, VA outside the TTBR0 range, reserved encodings), address size (output
// address above RAM's 48-bit PA space), access flag (AF = 0; ARMv8.0 has no hardware AF update),
// permission (AP[2:1] and APTable for EL0, UXN and UXNTable for execution).
namespace Fast.Runtime;

public readonly record struct WalkResult(
    FaultKind Fault,
    int Level,
    ulong PhysicalAddress,
    bool Readable,
    bool Writable,
    bool Executable,
    bool Global)
{
    public bool Ok => Fault == FaultKind.None;
}

public static class SoftMmu
{
    const ulong AddressMask = 0x0000_FFFF_FFFF_F000UL;   // descriptor output address bits 47:12
    const ulong DescValid = 1, DescTable = 2;
    const int ApShift = 6, AfBit = 10, NgBit = 11, UxnBit = 54;
    const int UxnTableBit = 60, ApTableShift = 61;

    /// <summary>Translates va for an EL0 access of the given kind. Reads descriptors from RAM.</summary>
    public static unsafe WalkResult Walk(PhysicalMemory ram, ulong ttbr0, ulong va, AccessKind access)
    {
        // TTBR0 covers VA[63:48] == 0 only; anything else would need TTBR1 (kernel half): a level-0
        // translation fault for EL0, as Linux configures EPD1/E0PD behaviour.
        if (va >> 48 != 0) return Fail(FaultKind.Translation, 0);

        ulong table = ttbr0 & AddressMask & ~0xFFFUL;
        bool apTableNoEl0 = false, apTableReadOnly = false, uxnTable = false;

        for (int level = 0; level <= 3; level++)
        {
            int shift = 39 - 9 * level;
            ulong index = (va >> shift) & 0x1FF;
            ulong descAddress = table + index * 8;
            if (!ram.IsRam(descAddress, 8)) return Fail(FaultKind.External, level);
            ulong desc = *(ulong*)ram.HostPointer(descAddress);

            if ((desc & DescValid) == 0) return Fail(FaultKind.Translation, level);
            bool isTable = (desc & DescTable) != 0;

            if (level < 3 && isTable)
            {
                // Hierarchical attributes (D8.4.3): APTable[1] removes EL0 access, APTable[0]... the
                // encoding is APTable[62:61]: bit 61 = no EL0, bit 62 = read-only.
                apTableNoEl0 |= ((desc >> ApTableShift) & 1) != 0;
                apTableReadOnly |= ((desc >> (ApTableShift + 1)) & 1) != 0;
                uxnTable |= ((desc >> UxnTableBit) & 1) != 0;
                table = desc & AddressMask;
                continue;
            }

            // A block at level 0, or a "block" (type 0) at level 3, is a reserved encoding: translation fault.
            if (level == 0 || (level == 3 && !isTable)) return Fail(FaultKind.Translation, level);

            ulong blockMask = (1UL << shift) - 1;
            ulong output = (desc & AddressMask & ~blockMask) | (va & blockMask);
            if ((desc & AddressMask & blockMask & ~0xFFFUL) != 0 && level < 3)
            {
                // Output-address bits below the block size are RES0; a set bit is a translation fault
                // (ARM ARM D8.3.1, "the descriptor is treated as invalid").
                return Fail(FaultKind.Translation, level);
            }

            if (((desc >> AfBit) & 1) == 0) return Fail(FaultKind.AccessFlag, level);

            uint ap = (uint)(desc >> ApShift) & 3;   // AP[2:1]
            bool el0 = (ap & 1) != 0 && !apTableNoEl0;
            bool readOnly = (ap & 2) != 0 || apTableReadOnly;
            bool uxn = ((desc >> UxnBit) & 1) != 0 || uxnTable;

            bool readable = el0;
            bool writable = el0 && !readOnly;
            // EL0 instruction fetch needs UXN clear; data permission does not matter for it.
            bool executable = !uxn;
            bool global = ((desc >> NgBit) & 1) == 0;

            bool permitted = access switch
            {
                AccessKind.Read => readable,
                AccessKind.Write => writable,
                _ => executable,
            };
            if (!permitted) return new WalkResult(FaultKind.Permission, level, output, readable, writable, executable, global);
            return new WalkResult(FaultKind.None, level, output, readable, writable, executable, global);
        }
        return Fail(FaultKind.Translation, 3);
    }

    static WalkResult Fail(FaultKind fault, int level) => new(fault, level, 0, false, false, false, false);
}
