// Advanced SIMD three same, integer forms (ARM ARM C7.2): element-wise and pairwise drivers in
// SimdInt (the hot compare/add/min/max forms on Vector128 lanes in SimdVec), bitwise forms on
// the two 64-bit halves.
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdThreeSame
{
    public static void SHADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Shadd);
    public static void UHADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uhadd);
    public static void SQADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqadd);
    public static void UQADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uqadd);
    public static void SRHADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Srhadd);
    public static void URHADD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Urhadd);
    public static void SHSUB(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Shsub);
    public static void UHSUB(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uhsub);
    public static void SQSUB(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqsub);
    public static void UQSUB(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uqsub);
    public static void CMGT_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.CmGt);
    public static void CMHI_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.CmHi);
    public static void CMGE_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.CmGe);
    public static void CMHS_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.CmHs);
    public static void SSHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sshl);
    public static void USHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Ushl);
    public static void SQSHL_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqshl);
    public static void UQSHL_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uqshl);
    public static void SRSHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Srshl);
    public static void URSHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Urshl);
    public static void SQRSHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqrshl);
    public static void UQRSHL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uqrshl);
    public static void SMAX_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.SMax);
    public static void UMAX_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.UMax);
    public static void SMIN_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.SMin);
    public static void UMIN_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.UMin);
    public static void SABD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sabd);
    public static void UABD(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uabd);
    public static void SABA(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Saba);
    public static void UABA(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Uaba);
    public static void ADD_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.Add);
    public static void SUB_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.Sub);
    public static void CMTST(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Cmtst);
    public static void CMEQ_reg(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdVec.Binary(c, Q, size, Rm, Rn, Rd, SimdVec.Op.CmEq);
    public static void MLA_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Mla);
    public static void MLS_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Mls);
    public static void MUL_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Mul);
    public static void PMUL(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Pmul);
    public static void SMAXP(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Pairwise(c, Q, size, Rm, Rn, Rd, &SimdInt.Smax);
    public static void UMAXP(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Pairwise(c, Q, size, Rm, Rn, Rd, &SimdInt.Umax);
    public static void SMINP(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Pairwise(c, Q, size, Rm, Rn, Rd, &SimdInt.Smin);
    public static void UMINP(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Pairwise(c, Q, size, Rm, Rn, Rd, &SimdInt.Umin);
    public static void ADDP_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Pairwise(c, Q, size, Rm, Rn, Rd, &SimdInt.Add);
    public static void SQDMULH_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqdmulh);
    public static void SQRDMULH_v(CpuState* c, uint Q, uint size, uint Rm, uint Rn, uint Rd) => SimdInt.Binary(c, Q, size, Rm, Rn, Rd, &SimdInt.Sqrdmulh);

    // C7.2 AND/BIC/ORR/ORN/EOR (vector, register) and BSL/BIT/BIF: bitwise on both halves.
    static void Logic(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd, int kind)
    {
        Vector128Bits n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), d = Simd.Read(c, Rd);
        Simd.Write(c, Rd, new Vector128Bits { Low = Op(n.Low, m.Low, d.Low, kind), High = Op(n.High, m.High, d.High, kind) }, Q);

        static ulong Op(ulong n, ulong m, ulong d, int kind) => kind switch
        {
            0 => n & m,
            1 => n & ~m,
            2 => n | m,
            3 => n | ~m,
            4 => n ^ m,
            5 => (d & n) | (~d & m),   // BSL: Vd selects
            6 => (m & n) | (~m & d),   // BIT: insert Vn bits where Vm is 1
            _ => (~m & n) | (m & d),   // BIF: insert Vn bits where Vm is 0
        };
    }

    public static void AND_v(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 0);
    public static void BIC_v(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 1);
    public static void ORR_v(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 2);
    public static void ORN_v(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 3);
    public static void EOR_v(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 4);
    public static void BSL(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 5);
    public static void BIT(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 6);
    public static void BIF(CpuState* c, uint Q, uint Rm, uint Rn, uint Rd) => Logic(c, Q, Rm, Rn, Rd, 7);
}
