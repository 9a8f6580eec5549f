// FpFast: host fast paths for the common case (FPCR.RMode = round to nearest, FZ = 0) where the
// host's IEEE arithmetic provably gives the ARM result; anything else returns false and the
// software path in FpArith runs. Inexact is detected exactly with error-free transformations
// (TwoSum for addition, an FMA residual for multiplication, division and square root), and the
// paths decline whenever tininess, overflow, NaNs or infinities could be involved, so Overflow,
// Underflow, Invalid and the NaN rules never depend on the host.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics.Fp;

public static unsafe partial class FpCore
{
    const uint FastMask = (3u << FpcrRModeShift) | FpcrFz;
    // |x| at least 2^(emin + 2p): residuals of *, / and sqrt stay normal, results are never tiny.
    const double SafeD = 1.0020841800044864E-292;   // 2^-970
    const float SafeF = 1.1754943508222875E-38f * 16777216f * 16777216f;   // 2^-126 * 2^48 = 2^-78

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool FastMode(CpuState* c) => (c->Fpcr & FastMask) == 0;

    static bool TryAdd(CpuState* c, ulong op1, ulong op2, int n, bool subtract, out ulong result)
    {
        result = 0;
        if (!FastMode(c)) return false;
        if (n == 64)
        {
            double a = BitConverter.UInt64BitsToDouble(op1), b = BitConverter.UInt64BitsToDouble(op2);
            if (subtract) b = -b;
            if (!double.IsFinite(a) || !double.IsFinite(b)) return false;
            double s = a + b;
            if (!double.IsFinite(s)) return false;
            double bb = s - a, err = (a - (s - bb)) + (b - bb);
            if (err != 0) c->Fpsr |= Ixc;
            result = BitConverter.DoubleToUInt64Bits(s);
            return true;
        }
        if (n == 32)
        {
            float a = BitConverter.UInt32BitsToSingle((uint)op1), b = BitConverter.UInt32BitsToSingle((uint)op2);
            if (subtract) b = -b;
            if (!float.IsFinite(a) || !float.IsFinite(b)) return false;
            float s = a + b;
            if (!float.IsFinite(s)) return false;
            float bb = s - a, err = (a - (s - bb)) + (b - bb);
            if (err != 0) c->Fpsr |= Ixc;
            result = BitConverter.SingleToUInt32Bits(s);
            return true;
        }
        return false;
    }

    static bool TryMul(CpuState* c, ulong op1, ulong op2, int n, out ulong result)
    {
        result = 0;
        if (!FastMode(c)) return false;
        if (n == 64)
        {
            double a = BitConverter.UInt64BitsToDouble(op1), b = BitConverter.UInt64BitsToDouble(op2);
            if (!double.IsFinite(a) || !double.IsFinite(b)) return false;
            double r = a * b;
            if (r == 0)
            {
                if (a != 0 && b != 0) return false;   // underflow
            }
            else
            {
                if (!double.IsFinite(r) || Math.Abs(r) < SafeD) return false;
                if (Math.FusedMultiplyAdd(a, b, -r) != 0) c->Fpsr |= Ixc;
            }
            result = BitConverter.DoubleToUInt64Bits(r);
            return true;
        }
        if (n == 32)
        {
            float a = BitConverter.UInt32BitsToSingle((uint)op1), b = BitConverter.UInt32BitsToSingle((uint)op2);
            if (!float.IsFinite(a) || !float.IsFinite(b)) return false;
            float r = a * b;
            if (r == 0)
            {
                if (a != 0 && b != 0) return false;
            }
            else
            {
                if (!float.IsFinite(r) || Math.Abs(r) < SafeF) return false;
                if (MathF.FusedMultiplyAdd(a, b, -r) != 0) c->Fpsr |= Ixc;
            }
            result = BitConverter.SingleToUInt32Bits(r);
            return true;
        }
        return false;
    }

    static bool TryDiv(CpuState* c, ulong op1, ulong op2, int n, out ulong result)
    {
        result = 0;
        if (!FastMode(c)) return false;
        if (n == 64)
        {
            double a = BitConverter.UInt64BitsToDouble(op1), b = BitConverter.UInt64BitsToDouble(op2);
            if (!double.IsFinite(a) || !double.IsFinite(b) || Math.Abs(a) < SafeD || Math.Abs(b) < SafeD) return false;
            double q = a / b;
            if (!double.IsFinite(q) || Math.Abs(q) < SafeD) return false;
            if (Math.FusedMultiplyAdd(-q, b, a) != 0) c->Fpsr |= Ixc;
            result = BitConverter.DoubleToUInt64Bits(q);
            return true;
        }
        if (n == 32)
        {
            float a = BitConverter.UInt32BitsToSingle((uint)op1), b = BitConverter.UInt32BitsToSingle((uint)op2);
            if (!float.IsFinite(a) || !float.IsFinite(b) || Math.Abs(a) < SafeF || Math.Abs(b) < SafeF) return false;
            float q = a / b;
            if (!float.IsFinite(q) || Math.Abs(q) < SafeF) return false;
            if (MathF.FusedMultiplyAdd(-q, b, a) != 0) c->Fpsr |= Ixc;
            result = BitConverter.SingleToUInt32Bits(q);
            return true;
        }
        return false;
    }

    static bool TrySqrt(CpuState* c, ulong op, int n, out ulong result)
    {
        result = 0;
        if (!FastMode(c)) return false;
        if (n == 64)
        {
            double a = BitConverter.UInt64BitsToDouble(op);
            if (!double.IsFinite(a) || a < SafeD) return false;
            double r = Math.Sqrt(a);
            if (Math.FusedMultiplyAdd(-r, r, a) != 0) c->Fpsr |= Ixc;
            result = BitConverter.DoubleToUInt64Bits(r);
            return true;
        }
        if (n == 32)
        {
            float a = BitConverter.UInt32BitsToSingle((uint)op);
            if (!float.IsFinite(a) || a < SafeF) return false;
            float r = MathF.Sqrt(a);
            if (MathF.FusedMultiplyAdd(-r, r, a) != 0) c->Fpsr |= Ixc;
            result = BitConverter.SingleToUInt32Bits(r);
            return true;
        }
        return false;
    }

    /// <summary>FPCompare without NaNs and with FZ = 0 is the host comparison.</summary>
    static bool TryCompare(CpuState* c, ulong op1, ulong op2, int n, out ulong nzcv)
    {
        nzcv = 0;
        if ((c->Fpcr & FpcrFz) != 0) return false;
        double a, b;
        if (n == 64) { a = BitConverter.UInt64BitsToDouble(op1); b = BitConverter.UInt64BitsToDouble(op2); }
        else if (n == 32) { a = BitConverter.UInt32BitsToSingle((uint)op1); b = BitConverter.UInt32BitsToSingle((uint)op2); }
        else return false;
        if (double.IsNaN(a) || double.IsNaN(b)) return false;
        nzcv = a == b ? 0x6UL << 28 : a < b ? 0x8UL << 28 : 0x2UL << 28;
        return true;
    }

    /// <summary>FPToFixed with fbits = 0 on a finite value that fits: the host's exact rounding functions.</summary>
    static bool TryToInt(CpuState* c, ulong op, int n, int fbits, bool unsigned, int m, Rounding rounding, out ulong result)
    {
        result = 0;
        if (fbits != 0 || (c->Fpcr & FpcrFz) != 0) return false;
        double v = n == 64 ? BitConverter.UInt64BitsToDouble(op) : n == 32 ? BitConverter.UInt32BitsToSingle((uint)op) : double.NaN;
        if (!double.IsFinite(v)) return false;
        double t = rounding switch
        {
            Rounding.TieEven => Math.Round(v, MidpointRounding.ToEven),
            Rounding.TieAway => Math.Round(v, MidpointRounding.AwayFromZero),
            Rounding.PosInf => Math.Ceiling(v),
            Rounding.NegInf => Math.Floor(v),
            _ => Math.Truncate(v),
        };
        double limit = m == 64 ? 9223372036854775808.0 : 2147483648.0;   // 2^(m-1)
        if (unsigned)
        {
            if (!(t >= 0 && t < limit)) return false;   // the upper half of the unsigned range goes the slow way
            result = (ulong)t;
        }
        else
        {
            if (!(t >= -limit && t < limit)) return false;
            result = (ulong)(long)t & Bits.Ones(m);
        }
        if (t != v) c->Fpsr |= Ixc;
        return true;
    }

    /// <summary>FixedToFP with fbits = 0 of an integer the target format holds exactly.</summary>
    static bool TryFromInt(ulong op, int m, bool unsigned, int n, out ulong result)
    {
        result = 0;
        long x;
        if (unsigned) { ulong u = op & Bits.Ones(m); if (u > (1UL << 53)) return false; x = (long)u; }
        else x = (long)Bits.SignExtend(op & Bits.Ones(m), m);
        if (n == 64) { if (x > (1L << 53) || x < -(1L << 53)) return false; result = BitConverter.DoubleToUInt64Bits(x); return true; }
        if (n == 32) { if (x > 16777216 || x < -16777216) return false; result = BitConverter.SingleToUInt32Bits(x); return true; }
        return false;
    }
}
