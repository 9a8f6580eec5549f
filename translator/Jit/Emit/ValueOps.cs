// ValueOps: the value-level halves of the integer instructions tier 1 emits without CpuState —
// pure functions of register values and constant fields, written from the same ARM ARM pseudocode
// as translator/Semantics (C6.2 pages; ShiftReg, ExtendReg, AddWithCarry and ConditionHolds come
// from Semantics.Bits and Semantics.Flags, so both tiers share them). The region compiler pushes
// the operands (IL locals holding guest registers) and the fields (IL constants) and calls these;
// all are AggressiveInlining, so RyuJIT folds the constant fields away.
//
// Lazy flags: a flag-setting ADD/SUB/logical does not pack NZCV. The compiler remembers the
// operands, and a later reader either evaluates its condition straight from them (CondSub*: one
// host compare for CMP + B.cond) or packs NZCV with the *Flags helpers where it must exist.
using System.Numerics;
using System.Runtime.CompilerServices;
using Fast.Runtime;
using Fast.Translator.Semantics;

namespace Fast.Translator.Jit.Emit;

public static unsafe class ValueOps
{
    const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // ---- operand 2 ----

    /// <summary>ShiftReg(Xm, shift, imm6) at the size sf selects (C6.2 shifted-register forms).</summary>
    [MethodImpl(Inline)]
    public static ulong Shifted(ulong m, uint shift, uint amount, uint sf) => Bits.ShiftReg(m, shift, (int)amount, sf != 0 ? 64 : 32);

    /// <summary>ExtendReg(Xm, option, imm3) (C6.2 extended-register forms).</summary>
    [MethodImpl(Inline)]
    public static ulong Extended(ulong m, uint option, uint shift, uint sf) => Bits.ExtendReg(m, option, (int)shift, sf != 0 ? 64 : 32);

    [MethodImpl(Inline)]
    public static ulong Trunc(ulong value, uint sf) => sf != 0 ? value : (uint)value;

    // ---- add, subtract and their flags (AddWithCarry, ARM ARM J1.1.3) ----

    [MethodImpl(Inline)] public static ulong Add(ulong a, ulong b, uint sf) => Trunc(a + b, sf);
    [MethodImpl(Inline)] public static ulong Sub(ulong a, ulong b, uint sf) => Trunc(a - b, sf);

    [MethodImpl(Inline)]
    public static ulong SubFlags(ulong a, ulong b, uint sf)
    {
        ulong nzcv;
        if (sf != 0) Flags.AddWithCarry64(a, ~b, 1, out nzcv);
        else Flags.AddWithCarry32((uint)a, ~(uint)b, 1, out nzcv);
        return nzcv;
    }

    [MethodImpl(Inline)]
    public static ulong AddFlags(ulong a, ulong b, uint sf)
    {
        ulong nzcv;
        if (sf != 0) Flags.AddWithCarry64(a, b, 0, out nzcv);
        else Flags.AddWithCarry32((uint)a, (uint)b, 0, out nzcv);
        return nzcv;
    }

    /// <summary>N and Z of a logical result, C = V = 0 (ANDS, BICS).</summary>
    [MethodImpl(Inline)]
    public static ulong LogicFlags(ulong result, uint sf)
    {
        bool negative = sf != 0 ? (long)result < 0 : (int)(uint)result < 0;
        return Flags.Pack(negative, Trunc(result, sf) == 0, false, false);
    }

    /// <summary>ConditionHolds(cond) for the flags of a - b, without packing them (CMP/SUBS then B.cond, CSEL...).</summary>
    [MethodImpl(Inline)]
    public static bool CondSub(uint cond, ulong a, ulong b, uint sf)
    {
        if (sf == 0) return CondSub32(cond, (uint)a, (uint)b);
        return cond switch
        {
            0 => a == b, 1 => a != b,                                   // EQ NE
            2 => a >= b, 3 => a < b,                                    // CS CC (C = NOT borrow)
            4 => (long)(a - b) < 0, 5 => (long)(a - b) >= 0,            // MI PL
            6 => (long)((a ^ b) & (a ^ (a - b))) < 0,                   // VS
            7 => (long)((a ^ b) & (a ^ (a - b))) >= 0,                  // VC
            8 => a > b, 9 => a <= b,                                    // HI LS
            10 => (long)a >= (long)b, 11 => (long)a < (long)b,          // GE LT
            12 => (long)a > (long)b, 13 => (long)a <= (long)b,          // GT LE
            _ => true,                                                  // AL NV
        };
    }

    [MethodImpl(Inline)]
    static bool CondSub32(uint cond, uint a, uint b) => cond switch
    {
        0 => a == b, 1 => a != b,
        2 => a >= b, 3 => a < b,
        4 => (int)(a - b) < 0, 5 => (int)(a - b) >= 0,
        6 => (int)((a ^ b) & (a ^ (a - b))) < 0,
        7 => (int)((a ^ b) & (a ^ (a - b))) >= 0,
        8 => a > b, 9 => a <= b,
        10 => (int)a >= (int)b, 11 => (int)a < (int)b,
        12 => (int)a > (int)b, 13 => (int)a <= (int)b,
        _ => true,
    };

    /// <summary>ConditionHolds(cond) for the flags of a logical result (C = V = 0).</summary>
    [MethodImpl(Inline)]
    public static bool CondLogic(uint cond, ulong result, uint sf)
    {
        long r = sf != 0 ? (long)result : (int)(uint)result;
        return cond switch
        {
            0 => r == 0, 1 => r != 0,
            2 => false, 3 => true,          // CS CC: C = 0
            4 => r < 0, 5 => r >= 0,
            6 => false, 7 => true,          // VS VC: V = 0
            8 => false, 9 => true,          // HI LS: C = 0
            10 => r >= 0, 11 => r < 0,      // GE LT: N == V
            12 => r > 0, 13 => r <= 0,      // GT LE
            _ => true,
        };
    }

    [MethodImpl(Inline)]
    public static bool CondAdd(uint cond, ulong a, ulong b, uint sf) => Flags.ConditionHolds(cond, AddFlags(a, b, sf));

    [MethodImpl(Inline)]
    public static bool CondPacked(uint cond, ulong nzcv) => Flags.ConditionHolds(cond, nzcv);

    // ---- conditional select and compare (C6.2 CSEL, CSINC, CSINV, CSNEG, CCMP, CCMN) ----

    [MethodImpl(Inline)] public static ulong Csel(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : m, sf);
    [MethodImpl(Inline)] public static ulong Csinc(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : m + 1, sf);
    [MethodImpl(Inline)] public static ulong Csinv(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : ~m, sf);
    [MethodImpl(Inline)] public static ulong Csneg(bool cond, ulong n, ulong m, uint sf) => Trunc(cond ? n : 0 - m, sf);

    [MethodImpl(Inline)]
    public static ulong Ccmp(bool cond, ulong n, ulong op2, uint nzcv, uint sf) => cond ? SubFlags(n, op2, sf) : Flags.FromImmediate(nzcv);

    [MethodImpl(Inline)]
    public static ulong Ccmn(bool cond, ulong n, ulong op2, uint nzcv, uint sf) => cond ? AddFlags(n, op2, sf) : Flags.FromImmediate(nzcv);

    // ---- logical (shifted register) ----

    [MethodImpl(Inline)] public static ulong And(ulong n, ulong op2, uint sf) => Trunc(n & op2, sf);
    [MethodImpl(Inline)] public static ulong Bic(ulong n, ulong op2, uint sf) => Trunc(n & ~op2, sf);
    [MethodImpl(Inline)] public static ulong Orr(ulong n, ulong op2, uint sf) => Trunc(n | op2, sf);
    [MethodImpl(Inline)] public static ulong Orn(ulong n, ulong op2, uint sf) => Trunc(n | ~op2, sf);
    [MethodImpl(Inline)] public static ulong Eor(ulong n, ulong op2, uint sf) => Trunc(n ^ op2, sf);
    [MethodImpl(Inline)] public static ulong Eon(ulong n, ulong op2, uint sf) => Trunc(n ^ ~op2, sf);

    // ---- move wide, bitfield, extract ----

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

    /// <summary>LSL (immediate), the UBFM alias with imms + 1 == immr.</summary>
    [MethodImpl(Inline)] public static ulong Lsl(ulong n, int shift, uint sf) => Trunc(n << shift, sf);
    /// <summary>LSR (immediate), the UBFM alias with imms == datasize - 1.</summary>
    [MethodImpl(Inline)] public static ulong Lsr(ulong n, int shift, uint sf) => Trunc(n, sf) >> shift;
    /// <summary>ASR (immediate), the SBFM alias with imms == datasize - 1.</summary>
    [MethodImpl(Inline)]
    public static ulong Asr(ulong n, int shift, uint sf) => sf != 0 ? (ulong)((long)n >> shift) : (uint)((int)(uint)n >> shift);
    /// <summary>UBFX/UXTB/UXTH: UBFM with immr &lt;= imms: (n &gt;&gt; immr) AND Ones(imms - immr + 1).</summary>
    [MethodImpl(Inline)] public static ulong Ubfx(ulong n, int lsb, ulong mask) => (n >> lsb) & mask;
    /// <summary>SBFX/SXTB/SXTH/SXTW: SBFM with immr &lt;= imms.</summary>
    [MethodImpl(Inline)]
    public static ulong Sbfx(ulong n, int lsb, int width, uint sf) => Trunc((ulong)((long)(n << (64 - lsb - width)) >> (64 - width)), sf);

    [MethodImpl(Inline)]
    public static ulong Extr(ulong hi, ulong lo, uint lsb, uint sf)
    {
        if (sf != 0) return lsb == 0 ? lo : (lo >> (int)lsb) | (hi << (64 - (int)lsb));
        return (uint)((((ulong)(uint)hi << 32) | (uint)lo) >> (int)lsb);
    }

    // ---- shifts by register, multiply, divide (C6.2 LSLV..RORV, MADD.., UDIV, SDIV) ----

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

    // ---- branches ----

    [MethodImpl(Inline)] public static bool IsZero(ulong t, uint sf) => Trunc(t, sf) == 0;
    [MethodImpl(Inline)] public static bool BitIsZero(ulong t, int bit) => ((t >> bit) & 1) == 0;

    // ---- memory ----

    // Every access and check here is "checked": an abort the OS cannot repair in place sets
    // CpuState.SyncRequest instead of throwing (see GuestMemory.ReadCheckedSlow), and the region
    // tests it before writing any register.

    // Each takes the instruction's PC, which only their slow paths store in CpuState.

    /// <summary>CheckSPAlignment (ARM ARM D1.3.6) for an SP-based access; the fault path leaves SP in CpuState.</summary>
    [MethodImpl(Inline)]
    public static ulong CheckSp(CpuState* c, ulong sp, ulong pc)
    {
        if ((sp & 0xF) != 0 && (c->Control & CpuControl.StackAlignmentCheck) != 0) SpFault(c, sp, pc);
        return sp;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void SpFault(CpuState* c, ulong sp, ulong pc)
    {
        c->SP = sp;
        c->PC = pc;
        try { LoadStore.SpAlignmentFault(c); }
        catch (RegisterSyncException) { c->SyncRequest = 1; }
    }


    /// <summary>Sign-extends the low bits of a loaded value and truncates to the register size.</summary>
    [MethodImpl(Inline)]
    public static ulong SignExtendTo(ulong value, int bits, int regsize)
    {
        ulong r = Bits.SignExtend(value, bits);
        return regsize == 32 ? (uint)r : r;
    }

    /// <summary>STP's check that a page-straddling pair is writable on both pages before the first write.</summary>
    [MethodImpl(Inline)]
    public static void ProbePair(CpuState* c, ulong address, int size, ulong pc)
    {
        if ((address & 0xFFF) + (ulong)size > 0x1000) ProbePairSlow(c, address, size, pc);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ProbePairSlow(CpuState* c, ulong address, int size, ulong pc)
    {
        c->PC = pc;
        try { LoadStore.ProbeStraddlingWrite(c, address, size); }
        catch (RegisterSyncException) { c->SyncRequest = 1; }
    }
}
