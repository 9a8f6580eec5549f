// Advanced SIMD modified immediate (ARM ARM C7.2 MOVI, MVNI, ORR/BIC (vector, immediate),
// FMOV (vector, immediate)), through AdvSIMDExpandImm.
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdModifiedImmediate
{
    /// <summary>AdvSIMDExpandImm(op, cmode, imm8): the 64-bit pattern (replicated to 128 bits).</summary>
    public static ulong ExpandImm(uint op, uint cmode, uint imm8)
    {
        ulong i = imm8;
        switch (cmode >> 1)
        {
            case 0: return Bits.Replicate(i, 32, 64);
            case 1: return Bits.Replicate(i << 8, 32, 64);
            case 2: return Bits.Replicate(i << 16, 32, 64);
            case 3: return Bits.Replicate(i << 24, 32, 64);
            case 4: return Bits.Replicate(i, 16, 64);
            case 5: return Bits.Replicate(i << 8, 16, 64);
            case 6: return Bits.Replicate((cmode & 1) == 0 ? (i << 8) | 0xFF : (i << 16) | 0xFFFF, 32, 64);
        }
        if ((cmode & 1) == 0)
        {
            if (op == 0) return Bits.Replicate(i, 8, 64);
            ulong r = 0;
            for (int b = 0; b < 8; b++) if (((imm8 >> b) & 1) != 0) r |= 0xFFUL << (b * 8);
            return r;
        }
        return op == 0 ? Bits.Replicate(Fp.FpCore.ExpandImm(imm8, 32), 32, 64) : Fp.FpCore.ExpandImm(imm8, 64);
    }

    static void Apply(CpuState* c, uint Q, uint Rd, ulong imm, int kind)
    {
        // kind 0: MOVI, 1: MVNI, 2: ORR, 3: BIC
        var v = Simd.Read(c, Rd);
        ulong lo = kind switch { 0 => imm, 1 => ~imm, 2 => v.Low | imm, _ => v.Low & ~imm };
        ulong hi = kind switch { 0 => imm, 1 => ~imm, 2 => v.High | imm, _ => v.High & ~imm };
        Simd.Write(c, Rd, new Vector128Bits { Low = lo, High = hi }, Q);
    }

    static uint Imm8(uint abc, uint defgh) => (abc << 5) | defgh;

    public static void MOVI_32(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, sh << 1, Imm8(abc, defgh)), 0);
    public static void ORR_imm_32(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, sh << 1, Imm8(abc, defgh)), 2);
    public static void MOVI_16(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, 8 | sh << 1, Imm8(abc, defgh)), 0);
    public static void ORR_imm_16(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, 8 | sh << 1, Imm8(abc, defgh)), 2);
    public static void MOVI_msl(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, 12 | sh, Imm8(abc, defgh)), 0);
    public static void MOVI_8(CpuState* c, uint Q, uint abc, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, 14, Imm8(abc, defgh)), 0);
    public static void FMOV_v_s(CpuState* c, uint Q, uint abc, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(0, 15, Imm8(abc, defgh)), 0);
    public static void MVNI_32(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, sh << 1, Imm8(abc, defgh)), 1);
    public static void BIC_imm_32(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, sh << 1, Imm8(abc, defgh)), 3);
    public static void MVNI_16(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, 8 | sh << 1, Imm8(abc, defgh)), 1);
    public static void BIC_imm_16(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, 8 | sh << 1, Imm8(abc, defgh)), 3);
    public static void MVNI_msl(CpuState* c, uint Q, uint abc, uint sh, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, 12 | sh, Imm8(abc, defgh)), 1);
    public static void MOVI_64(CpuState* c, uint Q, uint abc, uint defgh, uint Rd) => Apply(c, Q, Rd, ExpandImm(1, 14, Imm8(abc, defgh)), 0);
    public static void FMOV_v_d(CpuState* c, uint abc, uint defgh, uint Rd) => Apply(c, 1, Rd, ExpandImm(1, 15, Imm8(abc, defgh)), 0);
}
