// Bit-level shared pseudocode used by several instruction groups (ARM ARM J1.1.3 and C6.2):
// DecodeBitMasks, ShiftReg, ExtendReg, sign extension. Values are always held in a ulong; for
// 32-bit operations the caller passes datasize 32 and the helpers keep the upper half clear.
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Fast.Translator.Semantics;

public static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SignExtend(ulong value, int bits) => (ulong)((long)(value << (64 - bits)) >> (64 - bits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Ones(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;

    /// <summary>Truncates to datasize bits (32 or 64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Trunc(ulong value, int datasize) => datasize == 32 ? (uint)value : value;

    /// <summary>ROR(value, amount) within datasize bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong RotateRight(ulong value, int amount, int datasize) => datasize == 32
        ? BitOperations.RotateRight((uint)value, amount)
        : BitOperations.RotateRight(value, amount);

    /// <summary>ShiftReg (C6.2, shared/functions/ShiftReg): shift type 0 LSL, 1 LSR, 2 ASR, 3 ROR.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ShiftReg(ulong value, uint type, int amount, int datasize)
    {
        value = Trunc(value, datasize);
        return type switch
        {
            0 => Trunc(value << amount, datasize),
            1 => value >> amount,
            2 => datasize == 32 ? (uint)((int)(uint)value >> amount) : (ulong)((long)value >> amount),
            _ => RotateRight(value, amount, datasize),
        };
    }

    /// <summary>
    /// ExtendReg (C6.2, shared/functions/ExtendReg): option 0..7 = UXTB, UXTH, UXTW, UXTX, SXTB, SXTH,
    /// SXTW, SXTX applied to value, then shifted left by shift (0..4), truncated to datasize.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ExtendReg(ulong value, uint option, int shift, int datasize)
    {
        int size = 8 << (int)(option & 3);
        ulong extended = (option & 4) != 0 ? SignExtend(value, size) : value & Ones(size);
        return Trunc(extended << shift, datasize);
    }

    /// <summary>
    /// DecodeBitMasks (ARM ARM J1.1.3, aarch64/instrs/integer/bitmasks): the wmask and tmask of a
    /// logical immediate or bitfield encoding. Returns false for a reserved encoding (UNDEFINED).
    /// </summary>
    public static bool DecodeBitMasks(uint n, uint imms, uint immr, bool immediate, int datasize, out ulong wmask, out ulong tmask)
        => DecodeBitMasksComputed(n, imms, immr, immediate, datasize, out wmask, out tmask);

    // DecodeBitMasks memoised (a speed-only split of the hot path: entries are filled from
    // DecodeBitMasksComputed, so the function is still written once). Logical immediates and
    // bitfield moves are common and the computation is ~40 instructions; tier 1's native emitters
    // look the masks up once, at compile time, and emit them as constants. Index:
    // immediate:datasize64:N:immr:imms.
    // Each entry is filled at its first use: building all 32768 up front cost ~49M host
    // instructions at start-up, for the few dozen encodings a program uses. A valid encoding never
    // has wmask 0 (its element has at least one bit set), so 0 means "not filled or reserved".
    static readonly ulong[] WmaskTable = new ulong[1 << 15], TmaskTable = new ulong[1 << 15];

    /// <summary>DecodeBitMasks by table lookup (same results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool DecodeBitMasksFast(uint n, uint imms, uint immr, bool immediate, int datasize, out ulong wmask, out ulong tmask)
    {
        int i = (immediate ? 1 << 14 : 0) | (datasize == 64 ? 1 << 13 : 0) | (int)((n & 1) << 12) | (int)((immr & 0x3F) << 6) | (int)(imms & 0x3F);
        wmask = Volatile.Read(ref WmaskTable[i]);
        if (wmask == 0) return Fill(i, out wmask, out tmask);
        tmask = TmaskTable[i];
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool Fill(int i, out ulong wmask, out ulong tmask)
    {
        if (!DecodeBitMasksComputed((uint)(i >> 12) & 1, (uint)i & 0x3F, (uint)(i >> 6) & 0x3F, (i >> 14) != 0,
                ((i >> 13) & 1) != 0 ? 64 : 32, out wmask, out tmask)) return false;
        TmaskTable[i] = tmask;
        Volatile.Write(ref WmaskTable[i], wmask);   // after tmask: a thread that reads this wmask reads its tmask
        return true;
    }

    static bool DecodeBitMasksComputed(uint n, uint imms, uint immr, bool immediate, int datasize, out ulong wmask, out ulong tmask)
    {
        wmask = tmask = 0;
        uint combined = (n << 6) | (~imms & 0x3F);
        if (combined == 0) return false;
        int len = 31 - BitOperations.LeadingZeroCount(combined);   // HighestSetBit(immN:NOT(imms))
        if (len < 1 || (1 << len) > datasize) return false;
        uint levels = (uint)Ones(len);
        if (immediate && (imms & levels) == levels) return false;
        int s = (int)(imms & levels);
        int r = (int)(immr & levels);
        int diff = (s - r) & (int)levels;
        int esize = 1 << len;
        ulong welem = Ones(s + 1);
        ulong telem = Ones(diff + 1);
        wmask = Replicate(RotateRightElement(welem, r, esize), esize, datasize);
        tmask = Replicate(telem, esize, datasize);
        return true;
    }

    static ulong RotateRightElement(ulong value, int amount, int esize)
    {
        if (amount == 0) return value;
        ulong mask = Ones(esize);
        return ((value >> amount) | (value << (esize - amount))) & mask;
    }

    /// <summary>Replicates an esize-bit element to fill datasize bits.</summary>
    public static ulong Replicate(ulong element, int esize, int datasize)
    {
        ulong result = 0;
        for (int i = 0; i < datasize; i += esize) result |= element << i;
        return Trunc(result, datasize);
    }
}
