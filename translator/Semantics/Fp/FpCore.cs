// FpCore: the ARM ARM's shared floating-point pseudocode (J1.2 shared/functions/float) in software.
//
// Every FP operation of the scalar and vector rows goes through here so that FPCR (RMode, FZ, DN,
// AHP) and the FPSR cumulative flags behave exactly as the manual says, whatever the host does.
// Layers: FPUnpack -> exact arithmetic on (mantissa, exponent) pairs held in UInt128 with a
// "jam" (sticky) bit -> FPRound, which implements every rounding mode, flush-to-zero of outputs
// and the Overflow/Underflow/Inexact flags. Values are passed as raw bits in a ulong with the
// width N (16, 32 or 64) alongside; the host's float/double is used only where it provably gives
// the same bits (see FpFast). Floating-point exception traps are never enabled at EL0 (FPCR's
// trap-enable bits read as zero here), so FPProcessException only sets cumulative flags.
using System.Numerics;
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics.Fp;

/// <summary>FPRounding: the four FPCR modes first, in RMode order, then the explicit-only ones.</summary>
public enum Rounding { TieEven = 0, PosInf = 1, NegInf = 2, Zero = 3, TieAway = 4, Odd = 5 }

public enum FpType { Zero, Nonzero, Infinity, QNaN, SNaN }

/// <summary>An unpacked operand: value = Mant * 2^Exp (Mant != 0 only for Nonzero).</summary>
public struct FpValue
{
    public FpType Type;
    public bool Sign;
    public ulong Mant;
    public int Exp;
    public readonly bool IsNaN => Type >= FpType.QNaN;
}

public static unsafe partial class FpCore
{
    // FPCR bits.
    public const uint FpcrAhp = 1u << 26, FpcrDn = 1u << 25, FpcrFz = 1u << 24;
    public const int FpcrRModeShift = 22;
    // FPSR cumulative flags.
    public const uint Ioc = 1, Dzc = 2, Ofc = 4, Ufc = 8, Ixc = 16, Idc = 128, Qc = 1u << 27;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rounding RMode(uint fpcr) => (Rounding)((fpcr >> FpcrRModeShift) & 3);

    /// <summary>FPProcessException with traps disabled: sets the cumulative flag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Raise(CpuState* c, uint flag) => c->Fpsr |= flag;

    // Format parameters: exponent bits E and fraction bits F for N = 16, 32, 64.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EBits(int n) => n == 64 ? 11 : n == 32 ? 8 : 5;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FBits(int n) => n == 64 ? 52 : n == 32 ? 23 : 10;

    public static ulong DefaultNaN(int n) => n == 64 ? 0x7FF8000000000000UL : n == 32 ? 0x7FC00000UL : 0x7E00UL;
    public static ulong Zero(bool sign, int n) => sign ? 1UL << (n - 1) : 0;
    public static ulong Infinity(bool sign, int n) => Zero(sign, n) | (Bits.Ones(EBits(n)) << FBits(n));
    public static ulong MaxNormal(bool sign, int n) => Zero(sign, n) | (Bits.Ones(EBits(n) - 1) << (FBits(n) + 1)) | Bits.Ones(FBits(n));
    public static ulong Neg(ulong op, int n) => op ^ (1UL << (n - 1));
    public static ulong Abs(ulong op, int n) => op & ~(1UL << (n - 1));
    /// <summary>The value 2^k (small k) as an FP number of width n.</summary>
    public static ulong Power2(int k, int n) => (ulong)(k + (int)Bits.Ones(EBits(n) - 1)) << FBits(n);
    public static ulong OnePointFive(int n) => Power2(0, n) | (1UL << (FBits(n) - 1));

    /// <summary>FPUnpack (FPUnpackBase): flushes denormal inputs when FZ=1 for N=32/64 (sets IDC).
    /// Half precision is never flushed (FEAT_FP16's FZ16 is absent) and honours AHP.</summary>
    public static FpValue Unpack(CpuState* c, ulong op, int n, uint fpcr)
    {
        int e = EBits(n), f = FBits(n);
        ulong exp = (op >> f) & Bits.Ones(e), frac = op & Bits.Ones(f);
        var v = new FpValue { Sign = ((op >> (n - 1)) & 1) != 0 };
        int bias = (int)Bits.Ones(e - 1);
        if (exp == 0)
        {
            if (frac == 0) v.Type = FpType.Zero;
            else if (n != 16 && (fpcr & FpcrFz) != 0) { v.Type = FpType.Zero; Raise(c, Idc); }
            else { v.Type = FpType.Nonzero; v.Mant = frac; v.Exp = 1 - bias - f; }
        }
        else if (exp == Bits.Ones(e) && !(n == 16 && (fpcr & FpcrAhp) != 0))
        {
            if (frac == 0) v.Type = FpType.Infinity;
            else v.Type = (frac >> (f - 1)) != 0 ? FpType.QNaN : FpType.SNaN;
        }
        else { v.Type = FpType.Nonzero; v.Mant = frac | (1UL << f); v.Exp = (int)exp - bias - f; }
        return v;
    }

    /// <summary>FPProcessNaN: quietens a signalling NaN (IOC), or gives the default NaN when DN=1.</summary>
    public static ulong ProcessNaN(CpuState* c, FpType type, ulong op, int n, uint fpcr)
    {
        ulong result = op;
        if (type == FpType.SNaN) { result |= 1UL << (FBits(n) - 1); Raise(c, Ioc); }
        if ((fpcr & FpcrDn) != 0) result = DefaultNaN(n);
        return result;
    }

    /// <summary>FPProcessNaNs: a signalling NaN first (first operand first), then a quiet one.</summary>
    public static bool ProcessNaNs(CpuState* c, in FpValue a, in FpValue b, ulong opA, ulong opB, int n, uint fpcr, out ulong result)
    {
        if (a.Type == FpType.SNaN) result = ProcessNaN(c, a.Type, opA, n, fpcr);
        else if (b.Type == FpType.SNaN) result = ProcessNaN(c, b.Type, opB, n, fpcr);
        else if (a.Type == FpType.QNaN) result = ProcessNaN(c, a.Type, opA, n, fpcr);
        else if (b.Type == FpType.QNaN) result = ProcessNaN(c, b.Type, opB, n, fpcr);
        else { result = 0; return false; }
        return true;
    }

    /// <summary>FPProcessNaNs3 (operand order as given: for FMADD the addend first).</summary>
    public static bool ProcessNaNs3(CpuState* c, in FpValue a, in FpValue b, in FpValue d, ulong opA, ulong opB, ulong opD, int n, uint fpcr, out ulong result)
    {
        if (a.Type == FpType.SNaN) result = ProcessNaN(c, a.Type, opA, n, fpcr);
        else if (b.Type == FpType.SNaN) result = ProcessNaN(c, b.Type, opB, n, fpcr);
        else if (d.Type == FpType.SNaN) result = ProcessNaN(c, d.Type, opD, n, fpcr);
        else if (a.Type == FpType.QNaN) result = ProcessNaN(c, a.Type, opA, n, fpcr);
        else if (b.Type == FpType.QNaN) result = ProcessNaN(c, b.Type, opB, n, fpcr);
        else if (d.Type == FpType.QNaN) result = ProcessNaN(c, d.Type, opD, n, fpcr);
        else { result = 0; return false; }
        return true;
    }

    /// <summary>How the discarded part of a value compares with half a unit of the kept part.</summary>
    public enum Residue { Exact, BelowHalf, Half, AboveHalf }

    /// <summary>m >> s, with the classification of the bits shifted out.</summary>
    public static UInt128 ShiftRight(UInt128 m, int s, out Residue residue)
    {
        if (s <= 0) { residue = Residue.Exact; return s == 0 ? m : m << -s; }
        if (s > 128) { residue = m == 0 ? Residue.Exact : Residue.BelowHalf; return 0; }
        UInt128 kept = s == 128 ? 0 : m >> s;
        UInt128 rest = s == 128 ? m : m & ((UInt128.One << s) - 1);
        UInt128 half = UInt128.One << (s - 1);
        residue = rest == 0 ? Residue.Exact : rest < half ? Residue.BelowHalf : rest == half ? Residue.Half : Residue.AboveHalf;
        return kept;
    }

    /// <summary>Whether a magnitude truncated with this residue rounds away from zero.</summary>
    public static bool RoundsUp(Rounding rounding, bool sign, Residue residue, bool lsb) => rounding switch
    {
        Rounding.TieEven => residue == Residue.AboveHalf || (residue == Residue.Half && lsb),
        Rounding.TieAway => residue >= Residue.Half,
        Rounding.PosInf => residue != Residue.Exact && !sign,
        Rounding.NegInf => residue != Residue.Exact && sign,
        _ => false,
    };

    static int Msb(UInt128 m) => 127 - (int)UInt128.LeadingZeroCount(m);

    /// <summary>
    /// FPRound (FPRoundBase) of the nonzero value (-1)^sign * m * 2^e. The LSB of m may be a jam bit
    /// standing for discarded nonzero bits far below the rounding point. cv: FPRoundCV (half
    /// results are never flushed, AHP chooses the alternative half format).
    /// </summary>
    public static ulong Round(CpuState* c, bool sign, UInt128 m, int e, int n, uint fpcr, Rounding rounding)
    {
        int E = EBits(n), F = FBits(n);
        int minimumExp = 2 - (1 << (E - 1));
        int exponent = Msb(m) + e;
        if (n != 16 && (fpcr & FpcrFz) != 0 && exponent < minimumExp)
        {
            Raise(c, Ufc);   // flush to zero: UFC directly, never Inexact
            return Zero(sign, n);
        }
        int biasedExp = Math.Max(exponent - minimumExp + 1, 0);
        int scaleExp = Math.Max(exponent, minimumExp);
        UInt128 intMant = ShiftRight(m, scaleExp - F - e, out Residue residue);
        bool inexact = residue != Residue.Exact;
        if (biasedExp == 0 && inexact) Raise(c, Ufc);
        if (rounding == Rounding.Odd && inexact) intMant |= 1;   // FPRounding_ODD (FCVTXN): jam the LSB
        bool overflowToInf = rounding switch
        {
            Rounding.TieEven or Rounding.TieAway => true,
            Rounding.PosInf => !sign,
            Rounding.NegInf => sign,
            _ => false,
        };
        if (RoundsUp(rounding, sign, residue, ((ulong)intMant & 1) != 0))
        {
            intMant++;
            if (intMant == UInt128.One << F) biasedExp = 1;
            if (intMant == UInt128.One << (F + 1)) { biasedExp++; intMant >>= 1; }
        }
        ulong result;
        if (n != 16 || (fpcr & FpcrAhp) == 0)
        {
            if (biasedExp >= (1 << E) - 1)
            {
                result = overflowToInf ? Infinity(sign, n) : MaxNormal(sign, n);
                Raise(c, Ofc);
                inexact = true;
            }
            else result = Zero(sign, n) | ((ulong)biasedExp << F) | ((ulong)intMant & Bits.Ones(F));
        }
        else
        {
            if (biasedExp >= 1 << E)
            {
                result = Zero(sign, n) | Bits.Ones(n - 1);
                Raise(c, Ioc);
                inexact = false;
            }
            else result = Zero(sign, n) | ((ulong)biasedExp << F) | ((ulong)intMant & Bits.Ones(F));
        }
        if (inexact) Raise(c, Ixc);
        return result;
    }

    /// <summary>Normalises m so its top bit is at bit 125 (room for a carry and a sign-free subtract).</summary>
    static void Normalise(ref UInt128 m, ref int e)
    {
        int shift = 125 - Msb(m);
        if (shift >= 0) m <<= shift;
        else m = (m >> -shift) | ((m & ((UInt128.One << -shift) - 1)) != 0 ? UInt128.One : UInt128.Zero);
        e -= shift;
    }

    /// <summary>Exact sum of two signed values (each m*2^e, m nonzero), jammed into 126 bits.
    /// Returns false when the sum is exactly zero.</summary>
    public static bool AddExact(bool sa, UInt128 ma, int ea, bool sb, UInt128 mb, int eb, out bool sign, out UInt128 m, out int e)
    {
        Normalise(ref ma, ref ea);
        Normalise(ref mb, ref eb);
        if (ea < eb || (ea == eb && ma < mb)) { (sa, ma, ea, sb, mb, eb) = (sb, mb, eb, sa, ma, ea); }
        int d = ea - eb;
        if (d >= 127) mb = 1;
        else if (d > 0) mb = (mb >> d) | ((mb & ((UInt128.One << d) - 1)) != 0 ? UInt128.One : UInt128.Zero);
        sign = sa;
        e = ea;
        m = sa == sb ? ma + mb : ma - mb;
        return m != 0;
    }
}
