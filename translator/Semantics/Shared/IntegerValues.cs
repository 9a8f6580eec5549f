// IntegerValues: the value-level parts of the integer instructions (ARM ARM C6.2 pages and the J1
// shared functions ShiftReg, ExtendReg, AddWithCarry via Bits and Flags) — pure functions of
// register values and fields. The tier-0 semantics (DataProcessing*) read registers from
// CpuState and call these; tier 1 keeps registers in IL locals and calls the same functions, so
// each behaviour is written once. All are AggressiveInlining: constant fields fold away.
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Fast.Translator.Semantics;

public static class IntegerValues
{
    const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // C6.2 ADD/SUB and the logical operations: the result at the size sf selects.
    [MethodImpl(Inline)] public static ulong Add(ulong a, ulong b, uint sf) => Trunc(a + b, sf);
    [MethodImpl(Inline)] public static ulong Sub(ulong a, ulong b, uint sf) => Trunc(a - b, sf);
    [MethodImpl(Inline)] public static ulong And(ulong n, ulong op2, uint sf) => Trunc(n & op2, sf);
    [MethodImpl(Inline)] public static ulong Bic(ulong n, ulong op2, uint sf) => Trunc(n & ~op2, sf);
    [MethodImpl(Inline)] public static ulong Orr(ulong n, ulong op2, uint sf) => Trunc(n | op2, sf);
    [MethodImpl(Inline)] public static ulong Orn(ulong n, ulong op2, uint sf) => Trunc(n | ~op2, sf);
    [MethodImpl(Inline)] public static ulong Eor(ulong n, ulong op2, uint sf) => Trunc(n ^ op2, sf);
    [MethodImpl(Inline)] public static ulong Eon(ulong n, ulong op2, uint sf) => Trunc(n ^ ~op2, sf);

    /// <summary>ShiftReg(Xm, shift, imm6) at the size sf selects (C6.2 shifted-register forms).</summary>
    [MethodImpl(Inline)]
    public static ulong Shifted(ulong m, uint shift, uint amount, uint sf) => Bits.ShiftReg(m, shift, (int)amount, sf != 0 ? 64 : 32);

    /// <summary>ExtendReg(Xm, option, imm3) (C6.2 extended-register forms).</summary>
    [MethodImpl(Inline)]
    public static ulong Extended(ulong m, uint option, uint shift, uint sf) => Bits.ExtendReg(m, option, (int)shift, sf != 0 ? 64 : 32);

    [MethodImpl(Inline)]
    public static ulong Trunc(ulong value, uint sf) => sf != 0 ? value : (uint)value;

    /// <summary>
    /// NZCV of a - b (AddWithCarry(a, NOT b, 1), ARM ARM J1.1.3) in flag position, packed with
    /// shifts and set-on-compare rather than one conditional per flag: tier 1 packs flags on every
    /// edge into a block that reads them, so this is on hot paths.
    /// </summary>
    [MethodImpl(Inline)]
    public static ulong SubFlags(ulong a, ulong b, uint sf)
    {
        if (sf != 0)
        {
            ulong r = a - b;
            return ((r >> 32) & Flags.N) | Flags.Bit(r == 0) << 30 | Flags.Bit(a >= b) << 29 | (((a ^ b) & (a ^ r)) >> 63) << 28;
        }
        uint x = (uint)a, y = (uint)b, s = x - y;
        return (s & Flags.N) | Flags.Bit(s == 0) << 30 | Flags.Bit(x >= y) << 29 | (ulong)(((x ^ y) & (x ^ s)) >> 31) << 28;
    }

    /// <summary>NZCV of a + b (AddWithCarry(a, b, 0)), packed as SubFlags.</summary>
    [MethodImpl(Inline)]
    public static ulong AddFlags(ulong a, ulong b, uint sf)
    {
        if (sf != 0)
        {
            ulong r = a + b;
            return ((r >> 32) & Flags.N) | Flags.Bit(r == 0) << 30 | Flags.Bit(r < a) << 29 | ((~(a ^ b) & (a ^ r)) >> 63) << 28;
        }
        ulong wide = (ulong)(uint)a + (uint)b;
        uint x = (uint)a, y = (uint)b, s = (uint)wide;
        return (s & Flags.N) | Flags.Bit(s == 0) << 30 | (wide >> 32) << 29 | (ulong)((~(x ^ y) & (x ^ s)) >> 31) << 28;
    }

    /// <summary>N and Z of a logical result, C = V = 0 (ANDS, BICS).</summary>
    [MethodImpl(Inline)]
    public static ulong LogicFlags(ulong result, uint sf)
    {
        return sf != 0 ? ((result >> 32) & Flags.N) | Flags.Bit(result == 0) << 30 : (result & Flags.N) | Flags.Bit((uint)result == 0) << 30;
    }

    [MethodImpl(Inline)] public static ulong Csel(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : m, sf);

    [MethodImpl(Inline)] public static ulong Csinc(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : m + 1, sf);

    [MethodImpl(Inline)] public static ulong Csinv(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : ~m, sf);

    [MethodImpl(Inline)] public static ulong Csneg(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : 0 - m, sf);

    [MethodImpl(Inline)]
    public static ulong Ccmp(bool cond, ulong n, ulong op2, uint nzcv, uint sf) => cond ? SubFlags(n, op2, sf) : Flags.FromImmediate(nzcv);

    [MethodImpl(Inline)]
    public static ulong Ccmn(bool cond, ulong n, ulong op2, uint nzcv, uint sf) => cond ? AddFlags(n, op2, sf) : Flags.FromImmediate(nzcv);

    /// <summary>C6.2 MOVK: Xd with bits hw*16+15..hw*16 replaced.</summary>
    [MethodImpl(Inline)]
    public static ulong Movk(ulong d, uint hw, uint imm16, uint sf)
    {
        int pos = (int)(hw * 16);
        return Trunc((d & ~(0xFFFFUL << pos)) | ((ulong)imm16 << pos), sf);
    }

    /// <summary>
    /// C6.2 BFM/SBFM/UBFM (aarch64/instrs/integer/bitfield) with wmask and tmask decoded at compile
    /// time: bot = (dst AND NOT wmask) OR (ROR(src, R) AND wmask); top = extend ? Replicate(src&lt;S&gt;) : dst.
    /// </summary>
    [MethodImpl(Inline)]
    public static ulong Bitfield(ulong dst, ulong src, uint immr, uint imms, ulong wmask, ulong tmask, bool extend, uint sf)
    {
        int datasize = sf != 0 ? 64 : 32;
        ulong bot = (dst & ~wmask) | (Bits.RotateRight(Trunc(src, sf), (int)immr, datasize) & wmask);
        ulong top = extend ? (((src >> (int)imms) & 1) != 0 ? ulong.MaxValue : 0) : dst;
        return Trunc((top & ~tmask) | (bot & tmask), sf);
    }

    [MethodImpl(Inline)]
    public static ulong Extr(ulong hi, ulong lo, uint lsb, uint sf)
    {
        if (sf != 0) return lsb == 0 ? lo : (lo >> (int)lsb) | (hi << (64 - (int)lsb));
        return (uint)((((ulong)(uint)hi << 32) | (uint)lo) >> (int)lsb);
    }

    [MethodImpl(Inline)]
    public static ulong ShiftVariable(ulong n, ulong m, uint type, uint sf)
    {
        int datasize = sf != 0 ? 64 : 32;
        return Bits.ShiftReg(n, type, (int)(m & (uint)(datasize - 1)), datasize);
    }

    [MethodImpl(Inline)] public static ulong Madd(ulong n, ulong m, ulong a, uint sf) => Trunc(a + n * m, sf);

    [MethodImpl(Inline)] public static ulong Msub(ulong n, ulong m, ulong a, uint sf) => Trunc(a - n * m, sf);

    [MethodImpl(Inline)] public static ulong Smaddl(ulong n, ulong m, ulong a) => a + (ulong)((long)(int)(uint)n * (int)(uint)m);

    [MethodImpl(Inline)] public static ulong Smsubl(ulong n, ulong m, ulong a) => a - (ulong)((long)(int)(uint)n * (int)(uint)m);

    [MethodImpl(Inline)] public static ulong Umaddl(ulong n, ulong m, ulong a) => a + (ulong)(uint)n * (uint)m;

    [MethodImpl(Inline)] public static ulong Umsubl(ulong n, ulong m, ulong a) => a - (ulong)(uint)n * (uint)m;

    [MethodImpl(Inline)] public static ulong Umulh(ulong n, ulong m) => Math.BigMul(n, m, out _);

    [MethodImpl(Inline)] public static ulong Smulh(ulong n, ulong m) => (ulong)Math.BigMul((long)n, (long)m, out _);

    [MethodImpl(Inline)]
    public static ulong Udiv(ulong n, ulong m, uint sf)
    {
        if (sf != 0) return m == 0 ? 0 : n / m;
        return (uint)m == 0 ? 0 : (uint)n / (uint)m;
    }

    /// <summary>SDIV rounds toward zero; x / 0 = 0; MinValue / -1 = MinValue (the result wraps).</summary>
    [MethodImpl(Inline)]
    public static ulong Sdiv(ulong n, ulong m, uint sf)
    {
        if (sf != 0)
        {
            long a = (long)n, b = (long)m;
            return b == 0 ? 0 : b == -1 ? (ulong)(0 - a) : (ulong)(a / b);
        }
        int x = (int)(uint)n, y = (int)(uint)m;
        return y == 0 ? 0 : y == -1 ? (uint)(0 - x) : (uint)(x / y);
    }

    [MethodImpl(Inline)]
    public static ulong Clz(ulong n, uint sf) => sf != 0 ? (ulong)BitOperations.LeadingZeroCount(n) : (ulong)BitOperations.LeadingZeroCount((uint)n);

    /// <summary>LSL (immediate), the UBFM alias with imms + 1 == immr.</summary>
    [MethodImpl(Inline)] public static ulong Lsl(ulong n, int shift, uint sf) => Trunc(n << shift, sf);

    /// <summary>UBFX/UXTB/UXTH: UBFM with immr &lt;= imms: (n &gt;&gt; immr) AND Ones(imms - immr + 1).</summary>
    [MethodImpl(Inline)] public static ulong Ubfx(ulong n, int lsb, ulong mask) => (n >> lsb) & mask;

    /// <summary>SBFX/SXTB/SXTH/SXTW: SBFM with immr &lt;= imms.</summary>
    [MethodImpl(Inline)]
    public static ulong Sbfx(ulong n, int lsb, int width, uint sf) => Trunc((ulong)((long)(n << (64 - lsb - width)) >> (64 - width)), sf);
}
