// SignalFrame: Linux's AArch64 rt_sigframe, byte for byte (arch/arm64/kernel/signal.c and the uapi
// headers asm/sigcontext.h, asm/ucontext.h), so that glibc's handlers, sigreturn and debuggers
// see what a real kernel builds.
//
//   rt_sigframe                        offset  size
//     siginfo                            0      128
//     ucontext uc                      128
//       uc_flags                       128        8
//       uc_link                        136        8
//       uc_stack {ss_sp, ss_flags, ss_size} 144  24
//       uc_sigmask                     168        8
//       __unused (to 1024 bits)        176      120
//       uc_mcontext (sigcontext, 16-aligned) 304
//         fault_address                304        8
//         regs[31]                     312      248
//         sp, pc, pstate               560, 568, 576
//         __reserved[4096] (16-aligned) 592    4096: fpsimd_context, esr_context (faults), terminator
//   sizeof(rt_sigframe) = 4688; a frame record {fp, lr} sits above it, as the kernel places it.
using System.Buffers.Binary;

namespace Fast.Os.Linux.Signals;

public static class SignalFrame
{
    public const int SigInfoOffset = 0;
    public const int UContextOffset = 128;
    public const int UcFlags = UContextOffset + 0;
    public const int UcLink = UContextOffset + 8;
    public const int UcStack = UContextOffset + 16;
    public const int UcSigmask = UContextOffset + 40;
    public const int MContextOffset = UContextOffset + 176;
    public const int FaultAddress = MContextOffset;
    public const int Regs = MContextOffset + 8;
    public const int Sp = MContextOffset + 256;
    public const int Pc = MContextOffset + 264;
    public const int Pstate = MContextOffset + 272;
    public const int Reserved = MContextOffset + 288;
    public const int ReservedSize = 4096;
    public const int Size = Reserved + ReservedSize;          // 4688 = sizeof(struct rt_sigframe)
    public const int FrameRecordSize = 16;

    public const uint FpsimdMagic = 0x46508001, FpsimdSize = 528;
    public const uint EsrMagic = 0x45535201, EsrSize = 16;

    /// <summary>The registers a frame saves and sigreturn restores.</summary>
    public sealed class Registers
    {
        public readonly ulong[] X = new ulong[31];
        public ulong Sp, Pc, Pstate;
        public readonly ulong[] V = new ulong[64];  // V0..V31 as low/high pairs
        public uint Fpsr, Fpcr;
    }

    /// <summary>Fills a frame (Size bytes) with siginfo, the saved state and the signal mask.</summary>
    public static void Write(Span<byte> frame, ReadOnlySpan<byte> siginfo, Registers r, ulong sigmask,
        ulong altStackSp, int altStackFlags, ulong altStackSize, ulong faultAddress, uint? esr)
    {
        frame[..Size].Clear();
        siginfo[..Math.Min(128, siginfo.Length)].CopyTo(frame[SigInfoOffset..]);
        W64(frame, UcStack, altStackSp);
        W32(frame, UcStack + 8, (uint)altStackFlags);
        W64(frame, UcStack + 16, altStackSize);
        W64(frame, UcSigmask, sigmask);
        W64(frame, FaultAddress, faultAddress);
        for (int i = 0; i < 31; i++) W64(frame, Regs + 8 * i, r.X[i]);
        W64(frame, Sp, r.Sp);
        W64(frame, Pc, r.Pc);
        W64(frame, Pstate, r.Pstate);

        int p = Reserved;
        W32(frame, p, FpsimdMagic);
        W32(frame, p + 4, FpsimdSize);
        W32(frame, p + 8, r.Fpsr);
        W32(frame, p + 12, r.Fpcr);
        for (int i = 0; i < 64; i++) W64(frame, p + 16 + 8 * i, r.V[i]);
        p += (int)FpsimdSize;
        if (esr is uint value)
        {
            W32(frame, p, EsrMagic);
            W32(frame, p + 4, EsrSize);
            W64(frame, p + 8, value);
            p += (int)EsrSize;
        }
        // Terminator: a zero header (already clear).
    }

    /// <summary>Reads back what rt_sigreturn restores; returns false if the fpsimd record is malformed.</summary>
    public static bool Read(ReadOnlySpan<byte> frame, Registers r, out ulong sigmask)
    {
        sigmask = R64(frame, UcSigmask);
        for (int i = 0; i < 31; i++) r.X[i] = R64(frame, Regs + 8 * i);
        r.Sp = R64(frame, Sp);
        r.Pc = R64(frame, Pc);
        r.Pstate = R64(frame, Pstate);
        // Walk the __reserved records for fpsimd_context, as the kernel's parse_user_sigframe does.
        int p = Reserved;
        while (p + 8 <= Reserved + ReservedSize)
        {
            uint magic = R32(frame, p), size = R32(frame, p + 4);
            if (magic == 0 && size == 0) return true;
            if (size < 8 || size % 16 != 0 || p + size > Reserved + ReservedSize) return false;
            if (magic == FpsimdMagic)
            {
                if (size != FpsimdSize) return false;
                r.Fpsr = R32(frame, p + 8);
                r.Fpcr = R32(frame, p + 12);
                for (int i = 0; i < 64; i++) r.V[i] = R64(frame, p + 16 + 8 * i);
            }
            p += (int)size;
        }
        return false;
    }

    static void W64(Span<byte> s, int o, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(s[o..], v);
    static void W32(Span<byte> s, int o, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(s[o..], v);
    static ulong R64(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt64LittleEndian(s[o..]);
    static uint R32(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt32LittleEndian(s[o..]);
}
