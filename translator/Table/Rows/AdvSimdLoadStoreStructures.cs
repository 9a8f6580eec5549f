// Advanced SIMD load/store multiple structures and single structure (ARM ARM C4.1 "Loads and
// Stores"), with and without post-index (Rm = 31: immediate post-index by the transfer size).
// One row per form, with the opcode as a field: LD1-LD4/ST1-ST4 (multiple) differ only in
// opcode; the single-structure and replicate forms in opcode and R.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Loads and Stores: Advanced SIMD load/store multiple structures (and post-indexed)")]
public static class AdvSimdLoadStoreMultiple
{
    /// <summary>Reserved opcodes, and 64-bit elements with Q=0 for LD2/LD3/LD4 (ST2/ST3/ST4).</summary>
    static Row M(string name, string pattern) =>
        new Row(name, pattern, Feature.AdvSimd)
            .Undefined("opcode=0001").Undefined("opcode=0011").Undefined("opcode=0101").Undefined("opcode=1001")
            .Undefined("opcode=1011").Undefined("opcode=11xx")
            .Undefined("Q=0 size=11 opcode=0000").Undefined("Q=0 size=11 opcode=0100").Undefined("Q=0 size=11 opcode=1000");

    public static Row[] Rows =>
    [
        M("LD_multi", "0 Q 001100 0 1 000000 opcode:4 size:2 Rn:5 Rt:5"),              // C7.2 LD1/LD2/LD3/LD4 (multiple structures)
        M("ST_multi", "0 Q 001100 0 0 000000 opcode:4 size:2 Rn:5 Rt:5"),              // C7.2 ST1/ST2/ST3/ST4 (multiple structures)
        M("LD_multi_post", "0 Q 001100 1 1 0 Rm:5 opcode:4 size:2 Rn:5 Rt:5"),         // post-index
        M("ST_multi_post", "0 Q 001100 1 0 0 Rm:5 opcode:4 size:2 Rn:5 Rt:5"),
    ];
}

[RowGroup("C4.1 Loads and Stores: Advanced SIMD load/store single structure (and post-indexed)")]
public static class AdvSimdLoadStoreSingle
{
    const string Group = "AdvSimdLoadStoreSingle";

    /// <summary>One lane: opcode 00x bytes, 01x halfwords (size&lt;0&gt;=0), 10x words (size=00) or
    /// doublewords (size=01, S=0); opcode 11x is the replicate form (loads only, decoded first).</summary>
    static Row S(string name, string pattern) =>
        new Row(name, pattern, Feature.AdvSimd).InPriorityGroup(Group, 0)
            .Undefined("opcode=11x").Undefined("opcode=01x size=x1").Undefined("opcode=10x size=1x").Undefined("opcode=10x S=1 size=01");

    static Row R(string name, string pattern) =>
        new Row(name, pattern, Feature.AdvSimd).InPriorityGroup(Group, 1).Undefined("S=1");

    public static Row[] Rows =>
    [
        S("LD_single", "0 Q 001101 0 1 R 00000 opcode:3 S size:2 Rn:5 Rt:5"),          // C7.2 LD1-LD4 (single structure)
        S("ST_single", "0 Q 001101 0 0 R 00000 opcode:3 S size:2 Rn:5 Rt:5"),          // C7.2 ST1-ST4 (single structure)
        S("LD_single_post", "0 Q 001101 1 1 R Rm:5 opcode:3 S size:2 Rn:5 Rt:5"),
        S("ST_single_post", "0 Q 001101 1 0 R Rm:5 opcode:3 S size:2 Rn:5 Rt:5"),
        R("LD_replicate", "0 Q 001101 0 1 R 00000 11 o0 S size:2 Rn:5 Rt:5"),          // C7.2 LD1R-LD4R
        R("LD_replicate_post", "0 Q 001101 1 1 R Rm:5 11 o0 S size:2 Rn:5 Rt:5"),
    ];
}
