using System.Diagnostics;
using Fast.Os.Linux.Signals;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

/// <summary>SignalFrame's offsets are Linux's: checked against glibc's own ucontext_t for AArch64, under qemu.</summary>
public class SignalFrameLayoutTests
{
    [Fact]
    public void OffsetsMatchGlibcUcontext()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #include <stddef.h>
            #include <signal.h>
            #include <ucontext.h>
            int main(void) {
                printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof(siginfo_t), offsetof(ucontext_t, uc_stack),
                    offsetof(ucontext_t, uc_sigmask), offsetof(ucontext_t, uc_mcontext), offsetof(mcontext_t, regs),
                    offsetof(mcontext_t, sp), offsetof(mcontext_t, pc), offsetof(mcontext_t, pstate), offsetof(mcontext_t, __reserved));
                return 0;
            }
            """);
        var info = new ProcessStartInfo("qemu-aarch64", [exe]) { RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var fields = p.StandardOutput.ReadToEnd().Trim().Split(' ').Select(int.Parse).ToArray();
        p.WaitForExit();
        int uc = SignalFrame.UContextOffset, mc = SignalFrame.MContextOffset;
        Assert.Equal(new[] { 128, SignalFrame.UcStack - uc, SignalFrame.UcSigmask - uc, mc - uc, SignalFrame.Regs - mc,
            SignalFrame.Sp - mc, SignalFrame.Pc - mc, SignalFrame.Pstate - mc, SignalFrame.Reserved - mc }, fields);
    }

    [Fact]
    public void RestoredRegistersRoundTripThroughTheFrame()
    {
        var regs = new SignalFrame.Registers { Sp = 0x7000, Pc = 0x401000, Pstate = 0x6000_0000, Fpsr = 0x10, Fpcr = 0x0300_0000 };
        for (int i = 0; i < 31; i++) regs.X[i] = (ulong)i * 0x1111;
        for (int i = 0; i < 64; i++) regs.V[i] = ~(ulong)i;
        var frame = new byte[SignalFrame.Size];
        SignalFrame.Write(frame, new byte[128], regs, sigmask: 0x4000, 0, 2, 0, faultAddress: 0x1234, esr: 0x92000046);
        var back = new SignalFrame.Registers();
        Assert.True(SignalFrame.Read(frame, back, out ulong mask));
        Assert.Equal(0x4000UL, mask);
        Assert.Equal(regs.X, back.X);
        Assert.Equal(regs.V, back.V);
        Assert.Equal((regs.Sp, regs.Pc, regs.Pstate, regs.Fpsr, regs.Fpcr), (back.Sp, back.Pc, back.Pstate, back.Fpsr, back.Fpcr));
    }
}
