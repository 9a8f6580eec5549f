// Advanced SIMD shift by immediate, integer forms (ARM ARM C4.1):
// "0 Q U 011110 immh immb opcode 1 Rn Rd". immh = 0000 is the modified-immediate space: those
// rows share a priority group with these and decode first; immh = 0000 is UNDEFINED here.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Advanced SIMD shift by immediate")]
public static class AdvSimdShiftByImmediate
{
    public const string ImmediateGroup = "AdvSimdImmediate";

    /// <summary>Same-width forms: 64-bit elements (immh = 1xxx) need Q = 1.</summary>
    static Row R(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 011110 immh:4 immb:3 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd)
            .InPriorityGroup(ImmediateGroup, 0).Undefined("immh=0000").Undefined("Q=0 immh=1xxx");

    /// <summary>Narrowing and lengthening forms: immh = 1xxx is reserved.</summary>
    static Row N(string name, string u, string opcode) =>
        new Row(name, $"0 Q {u} 011110 immh:4 immb:3 {opcode} 1 Rn:5 Rd:5", Feature.AdvSimd)
            .InPriorityGroup(ImmediateGroup, 0).Undefined("immh=0000").Undefined("immh=1xxx");

    public static Row[] Rows =>
    [
        R("SSHR", "0", "00000"), R("USHR", "1", "00000"),        // C7.2 SSHR / USHR
        R("SSRA", "0", "00010"), R("USRA", "1", "00010"),        // C7.2 SSRA / USRA
        R("SRSHR", "0", "00100"), R("URSHR", "1", "00100"),      // C7.2 SRSHR / URSHR
        R("SRSRA", "0", "00110"), R("URSRA", "1", "00110"),      // C7.2 SRSRA / URSRA
        R("SRI", "1", "01000"),                                  // C7.2 SRI
        R("SHL", "0", "01010"), R("SLI", "1", "01010"),          // C7.2 SHL / SLI
        R("SQSHLU", "1", "01100"),                               // C7.2 SQSHLU
        R("SQSHL_imm", "0", "01110"), R("UQSHL_imm", "1", "01110"),   // C7.2 SQSHL / UQSHL (immediate)
        N("SHRN", "0", "10000"), N("RSHRN", "0", "10001"),       // C7.2 SHRN / RSHRN
        N("SQSHRUN", "1", "10000"), N("SQRSHRUN", "1", "10001"), // C7.2 SQSHRUN / SQRSHRUN
        N("SQSHRN", "0", "10010"), N("SQRSHRN", "0", "10011"),   // C7.2 SQSHRN / SQRSHRN
        N("UQSHRN", "1", "10010"), N("UQRSHRN", "1", "10011"),   // C7.2 UQSHRN / UQRSHRN
        N("SSHLL", "0", "10100"), N("USHLL", "1", "10100"),      // C7.2 SSHLL / USHLL (alias SXTL / UXTL)
        // C7.2 SCVTF / UCVTF / FCVTZS / FCVTZU (vector, fixed-point): single (immh=01xx) or double (1xxx).
        R("SCVTF_fix_v", "0", "11100").Undefined("immh=00xx"), R("UCVTF_fix_v", "1", "11100").Undefined("immh=00xx"),
        R("FCVTZS_fix_v", "0", "11111").Undefined("immh=00xx"), R("FCVTZU_fix_v", "1", "11111").Undefined("immh=00xx"),
    ];
}
