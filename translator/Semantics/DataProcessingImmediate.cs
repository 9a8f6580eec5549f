// Data processing -- immediate (ARM ARM C4.1.86): PC-relative addressing, add/subtract, logical,
// move wide, bitfield and extract. One method per table row, written from the ARM ARM pseudocode
// (C6.2). sf selects the 64-bit (1) or 32-bit (0) form; 32-bit results are written zero-extended.
// Reserved field values never reach these methods: the rows' Undefined constraints filter them.
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class DataProcessingImmediate
{
    // C6.2 ADR: Xd = PC + SignExtend(immhi:immlo).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADR(CpuState* c, uint immlo, uint immhi, uint Rd) =>
        CpuState.SetX(c, Rd, c->PC + Bits.SignExtend((immhi << 2) | immlo, 21));

    // C6.2 ADRP: Xd = PC<63:12>:Zeros(12) + SignExtend(immhi:immlo:Zeros(12)).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADRP(CpuState* c, uint immlo, uint immhi, uint Rd) =>
        CpuState.SetX(c, Rd, (c->PC & ~0xFFFUL) + (Bits.SignExtend((immhi << 2) | immlo, 21) << 12));

    // C6.2 ADD (immediate): Xd|SP = Xn|SP + imm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADD_imm(CpuState* c, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Add(CpuState.GetXsp(c, Rn), (ulong)imm12 << (int)(sh * 12), sf));

    // C6.2 ADDS (immediate): Xd = Xn|SP + imm, setting NZCV.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ADDS_imm(CpuState* c, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        AddSubFlags(c, sf, CpuState.GetXsp(c, Rn), (ulong)imm12 << (int)(sh * 12), 0, Rd);

    // C6.2 SUB (immediate): Xd|SP = Xn|SP - imm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUB_imm(CpuState* c, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Sub(CpuState.GetXsp(c, Rn), (ulong)imm12 << (int)(sh * 12), sf));

    // C6.2 SUBS (immediate): Xd = Xn|SP + NOT(imm) + 1, setting NZCV (C = NOT borrow).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SUBS_imm(CpuState* c, uint sf, uint sh, uint imm12, uint Rn, uint Rd) =>
        AddSubFlags(c, sf, CpuState.GetXsp(c, Rn), ~((ulong)imm12 << (int)(sh * 12)), 1, Rd);

    /// <summary>AddWithCarry(x, y, carry) at the size sf gives; writes Xd (31 = ZR) and NZCV.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddSubFlags(CpuState* c, uint sf, ulong x, ulong y, uint carry, uint Rd)
    {
        ulong nzcv;
        ulong result = sf != 0
            ? Flags.AddWithCarry64(x, y, carry, out nzcv)
            : Flags.AddWithCarry32((uint)x, (uint)y, carry, out nzcv);
        CpuState.SetX(c, Rd, result);
        c->Nzcv = nzcv;
    }

    /// <summary>The logical-immediate operand: DecodeBitMasks(N, imms, immr, TRUE).wmask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LogicalImmediate(uint sf, uint N, uint immr, uint imms)
    {
        // The row constraints exclude every reserved encoding, so this always succeeds.
        Bits.DecodeBitMasksFast(N, imms, immr, true, sf != 0 ? 64 : 32, out ulong wmask, out _);
        return wmask;
    }

    // C6.2 AND (immediate): Xd|SP = Xn AND imm.
    public static void AND_imm(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.And(CpuState.GetX(c, Rn), LogicalImmediate(sf, N, immr, imms), sf));

    // C6.2 ORR (immediate): Xd|SP = Xn OR imm.
    public static void ORR_imm(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Orr(CpuState.GetX(c, Rn), LogicalImmediate(sf, N, immr, imms), sf));

    // C6.2 EOR (immediate): Xd|SP = Xn EOR imm.
    public static void EOR_imm(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        CpuState.SetXsp(c, Rd, IntegerValues.Eor(CpuState.GetX(c, Rn), LogicalImmediate(sf, N, immr, imms), sf));

    // C6.2 ANDS (immediate): Xd = Xn AND imm; N and Z from the result, C = V = 0.
    public static void ANDS_imm(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        LogicalFlags(c, sf, CpuState.GetX(c, Rn) & LogicalImmediate(sf, N, immr, imms), Rd);

    /// <summary>Writes a flag-setting logical result to Xd (31 = ZR): N, Z from it, C = V = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void LogicalFlags(CpuState* c, uint sf, ulong result, uint Rd)
    {
        result = IntegerValues.Trunc(result, sf);
        c->Nzcv = IntegerValues.LogicFlags(result, sf);
        CpuState.SetX(c, Rd, result);
    }

    // C6.2 MOVN: Xd = NOT(imm16 << hw*16).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MOVN(CpuState* c, uint sf, uint hw, uint imm16, uint Rd)
    {
        ulong result = ~((ulong)imm16 << (int)(hw * 16));
        CpuState.SetX(c, Rd, sf != 0 ? result : (uint)result);
    }

    // C6.2 MOVZ: Xd = imm16 << hw*16.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MOVZ(CpuState* c, uint sf, uint hw, uint imm16, uint Rd) =>
        CpuState.SetX(c, Rd, (ulong)imm16 << (int)(hw * 16));

    // C6.2 MOVK: Xd<hw*16+15:hw*16> = imm16, other bits kept (the upper half cleared for Wd).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MOVK(CpuState* c, uint sf, uint hw, uint imm16, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Movk(CpuState.GetX(c, Rd), hw, imm16, sf));

    // C6.2 BFM, SBFM and UBFM share one body (aarch64/instrs/integer/bitfield):
    //   dst = inzero ? 0 : Xd;  bot = (dst AND NOT wmask) OR (ROR(Xn, R) AND wmask)
    //   top = extend ? Replicate(Xn<S>) : dst;  Xd = (top AND NOT tmask) OR (bot AND tmask)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Bitfield(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd, bool inzero, bool extend)
    {
        Bits.DecodeBitMasksFast(N, imms, immr, false, sf != 0 ? 64 : 32, out ulong wmask, out ulong tmask);
        ulong dst = inzero ? 0 : CpuState.GetX(c, Rd);
        CpuState.SetX(c, Rd, IntegerValues.Bitfield(dst, CpuState.GetX(c, Rn), immr, imms, wmask, tmask, extend, sf));
    }

    public static void SBFM(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        Bitfield(c, sf, N, immr, imms, Rn, Rd, inzero: true, extend: true);

    public static void BFM(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        Bitfield(c, sf, N, immr, imms, Rn, Rd, inzero: false, extend: false);

    public static void UBFM(CpuState* c, uint sf, uint N, uint immr, uint imms, uint Rn, uint Rd) =>
        Bitfield(c, sf, N, immr, imms, Rn, Rd, inzero: true, extend: false);

    // C6.2 EXTR: Xd = (Xn:Xm)<lsb+datasize-1:lsb>, lsb = imms.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EXTR(CpuState* c, uint sf, uint N, uint Rm, uint imms, uint Rn, uint Rd) =>
        CpuState.SetX(c, Rd, IntegerValues.Extr(CpuState.GetX(c, Rn), CpuState.GetX(c, Rm), imms, sf));
}
