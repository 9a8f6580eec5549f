// Disassembly of the AdvSIMD modified-immediate rows.
namespace Fast.Translator.Disassembly;

public static class AdvSimdModifiedImmediate
{
    static uint Imm8(uint abc, uint defgh) => (abc << 5) | defgh;
    static string S(string m, uint Q, int size, uint Rd, uint imm8, string kind, uint amount) =>
        amount == 0 && kind == "lsl" ? $"{m}\t{Fmt.VArr(Rd, Q, size)}, {Fmt.Hex(imm8)}" : $"{m}\t{Fmt.VArr(Rd, Q, size)}, {Fmt.Hex(imm8)}, {kind} #{amount}";

    public static string MOVI_32(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("movi", Q, 2, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string ORR_imm_32(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("orr", Q, 2, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string MOVI_16(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("movi", Q, 1, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string ORR_imm_16(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("orr", Q, 1, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string MOVI_msl(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("movi", Q, 2, Rd, Imm8(abc, defgh), "msl", 8 + sh * 8);
    public static string MOVI_8(ulong pc, uint Q, uint abc, uint defgh, uint Rd) => S("movi", Q, 0, Rd, Imm8(abc, defgh), "lsl", 0);
    public static string MVNI_32(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("mvni", Q, 2, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string BIC_imm_32(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("bic", Q, 2, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string MVNI_16(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("mvni", Q, 1, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string BIC_imm_16(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("bic", Q, 1, Rd, Imm8(abc, defgh), "lsl", sh * 8);
    public static string MVNI_msl(ulong pc, uint Q, uint abc, uint sh, uint defgh, uint Rd) => S("mvni", Q, 2, Rd, Imm8(abc, defgh), "msl", 8 + sh * 8);

    public static string MOVI_64(ulong pc, uint Q, uint abc, uint defgh, uint Rd)
    {
        ulong imm = Semantics.AdvSimdModifiedImmediate.ExpandImm(1, 14, Imm8(abc, defgh));
        return Q != 0 ? $"movi\tv{Rd}.2d, {Fmt.Hex(imm)}" : $"movi\td{Rd}, {Fmt.Hex(imm)}";
    }

    public static string FMOV_v_s(ulong pc, uint Q, uint abc, uint defgh, uint Rd) =>
        $"fmov\t{Fmt.VArr(Rd, Q, 2)}, {Fmt.FpImm(BitConverter.UInt64BitsToDouble(Semantics.Fp.FpCore.ExpandImm(Imm8(abc, defgh), 64)))}";
    public static string FMOV_v_d(ulong pc, uint abc, uint defgh, uint Rd) =>
        $"fmov\tv{Rd}.2d, {Fmt.FpImm(BitConverter.UInt64BitsToDouble(Semantics.Fp.FpCore.ExpandImm(Imm8(abc, defgh), 64)))}";
}
