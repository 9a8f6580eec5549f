// MRS and MSR (register) at EL0 (ARM ARM C6.2.228, C6.2.230; registers in D17/D19).
//
// EL0 reaches: NZCV, FPCR, FPSR, TPIDR_EL0 (read/write); TPIDRRO_EL0, CNTVCT_EL0, CNTFRQ_EL0,
// DCZID_EL0 (read only); CTR_EL0 if the OS set UserCacheType (SCTLR_EL1.UCT); MIDR_EL1, MPIDR_EL1,
// REVIDR_EL1 and the AArch64 ID registers if it set UserCpuId (Linux's HWCAP_CPUID emulation:
// op0=3, op1=0, CRn=0, CRm=0 or 2..7; unknown ones read as zero). Anything else, and any write to a
// read-only register, is UNDEFINED at run time (SystemInstructions.Undefined).
//
// Fixed values Fast reports (a Cortex-A72-like core):
//   CTR_EL0   0x8444C004: RES1 bit 31, CWG = ERG = 4 (64 bytes), DminLine = 4 (64-byte data lines),
//             L1Ip = PIPT, IminLine = 4 (64-byte instruction lines).
//   DCZID_EL0 BS = 4 (DC ZVA zeroes 2^4 words = 64 bytes), DZP (bit 4) set when DC ZVA is refused.
//   MIDR_EL1  0x410FD083 (Arm, Cortex-A72 r0p3); MPIDR_EL1 0x80000000 (what Linux shows EL0);
//   ID_AA64PFR0_EL1 0x11 (EL0 and EL1 AArch64-only, FP and AdvSIMD implemented);
//   ID_AA64ISAR0_EL1 0x211120 (AES+PMULL, SHA1, SHA256, CRC32, LSE atomics: the table's features).
using System.Runtime.CompilerServices;
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe partial class SystemInstructions
{
    public const ulong CtrEl0 = 0x8444C004;
    public const ulong DczidBlockSize = 4;
    public const ulong MidrEl1 = 0x410FD083;
    public const ulong MpidrEl1 = 0x80000000;
    public const ulong IdAa64Pfr0El1 = 0x11;
    public const ulong IdAa64Isar0El1 = 0x211120;

    /// <summary>FPCR bits v8.0 implements: AHP, DN, FZ, RMode, Stride, Len (trap enables are RAZ/WI).</summary>
    public const uint FpcrMask = 0x07F7_0000;
    /// <summary>FPSR bits: N, Z, C, V, QC and the cumulative exception flags IDC, IXC, UFC, OFC, DZC, IOC.</summary>
    public const uint FpsrMask = 0xF800_009F;

    /// <summary>Packs an MRS/MSR register number as op0:op1:CRn:CRm:op2 with op0 = 2 + o0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RegisterKey(uint op0, uint op1, uint CRn, uint CRm, uint op2) =>
        (op0 << 14) | (op1 << 11) | (CRn << 7) | (CRm << 3) | op2;

    const uint Nzcv = 3 << 14 | 3 << 11 | 4 << 7 | 2 << 3 | 0;
    const uint Fpcr = 3 << 14 | 3 << 11 | 4 << 7 | 4 << 3 | 0;
    const uint Fpsr = 3 << 14 | 3 << 11 | 4 << 7 | 4 << 3 | 1;
    const uint TpidrEl0 = 3 << 14 | 3 << 11 | 13 << 7 | 0 << 3 | 2;
    const uint TpidrroEl0 = 3 << 14 | 3 << 11 | 13 << 7 | 0 << 3 | 3;
    const uint CntfrqEl0 = 3 << 14 | 3 << 11 | 14 << 7 | 0 << 3 | 0;
    const uint CntvctEl0 = 3 << 14 | 3 << 11 | 14 << 7 | 0 << 3 | 2;
    const uint CtrEl0Key = 3 << 14 | 3 << 11 | 0 << 7 | 0 << 3 | 1;
    const uint DczidEl0 = 3 << 14 | 3 << 11 | 0 << 7 | 0 << 3 | 7;
    const uint IdSpaceMask = 3 << 14 | 7 << 11 | 15 << 7;   // op0, op1, CRn
    const uint IdSpace = 3 << 14;                              // op0 = 3, op1 = 0, CRn = 0

    // C6.2.228 MRS: Xt = the system register.
    public static void MRS(CpuState* c, uint o0, uint op1, uint CRn, uint CRm, uint op2, uint Rt)
    {
        uint key = RegisterKey(2 + o0, op1, CRn, CRm, op2);
        ulong value;
        switch (key)
        {
            case Nzcv: value = c->Nzcv & 0xF000_0000; break;
            case Fpcr: value = c->Fpcr; break;
            case Fpsr: value = c->Fpsr; break;
            case TpidrEl0: value = c->TpidrEl0; break;
            case TpidrroEl0: value = c->TpidrroEl0; break;
            case CntfrqEl0: value = c->Cntfrq; break;
            case CntvctEl0: value = GenericTimer.VirtualCount(); break;
            case DczidEl0: value = DczidBlockSize | ((c->Control & CpuControl.UserDcZva) == 0 ? 1UL << 4 : 0); break;
            case CtrEl0Key:
                if ((c->Control & CpuControl.UserCacheType) == 0) Undefined(c);
                value = CtrEl0;
                break;
            default:
                if ((key & IdSpaceMask) != IdSpace || (c->Control & CpuControl.UserCpuId) == 0 || CRm == 1) Undefined(c);
                value = IdRegister(CRm, op2);
                break;
        }
        CpuState.SetX(c, Rt, value);
    }

    // C6.2.230 MSR (register): the system register = Xt.
    public static void MSR_reg(CpuState* c, uint o0, uint op1, uint CRn, uint CRm, uint op2, uint Rt)
    {
        ulong value = CpuState.GetX(c, Rt);
        switch (RegisterKey(2 + o0, op1, CRn, CRm, op2))
        {
            case Nzcv: c->Nzcv = value & 0xF000_0000; break;
            case Fpcr: c->Fpcr = (uint)value & FpcrMask; break;
            case Fpsr: c->Fpsr = (uint)value & FpsrMask; break;
            case TpidrEl0: c->TpidrEl0 = value; break;
            default: Undefined(c); break;
        }
    }

    /// <summary>The emulated ID space (op0=3, op1=0, CRn=0; CRm 0 or 2..7) as Linux shows it to EL0.</summary>
    static ulong IdRegister(uint CRm, uint op2) => (CRm, op2) switch
    {
        (0, 0) => MidrEl1,
        (0, 5) => MpidrEl1,
        (4, 0) => IdAa64Pfr0El1,
        (6, 0) => IdAa64Isar0El1,
        _ => 0,
    };
}
