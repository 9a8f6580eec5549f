// Disassembly of the SIMD&FP register loads and stores (immediate forms), in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class LoadStoreFp
{
    static int Size(uint size, uint opc1) => opc1 != 0 ? 16 : 1 << (int)size;
    static string V(uint size, uint opc1, uint t) => Fmt.FpReg(Size(size, opc1), t);
    static long Imm9(uint imm9) => Fmt.SignExtend(imm9, 9);

    public static string STR_fp_uimm(ulong pc, uint size, uint opc1, uint imm12, uint Rn, uint Rt) =>
        $"str\t{V(size, opc1, Rt)}, {Fmt.MemOffset(Rn, (long)imm12 * Size(size, opc1))}";
    public static string LDR_fp_uimm(ulong pc, uint size, uint opc1, uint imm12, uint Rn, uint Rt) =>
        $"ldr\t{V(size, opc1, Rt)}, {Fmt.MemOffset(Rn, (long)imm12 * Size(size, opc1))}";
    public static string STR_fp_post(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"str\t{V(size, opc1, Rt)}, {Fmt.MemPost(Rn, Imm9(imm9))}";
    public static string LDR_fp_post(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"ldr\t{V(size, opc1, Rt)}, {Fmt.MemPost(Rn, Imm9(imm9))}";
    public static string STR_fp_pre(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"str\t{V(size, opc1, Rt)}, {Fmt.MemPre(Rn, Imm9(imm9))}";
    public static string LDR_fp_pre(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"ldr\t{V(size, opc1, Rt)}, {Fmt.MemPre(Rn, Imm9(imm9))}";
    public static string STUR_fp(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"stur\t{V(size, opc1, Rt)}, {Fmt.MemOffset(Rn, Imm9(imm9))}";
    public static string LDUR_fp(ulong pc, uint size, uint opc1, uint imm9, uint Rn, uint Rt) =>
        $"ldur\t{V(size, opc1, Rt)}, {Fmt.MemOffset(Rn, Imm9(imm9))}";
}
