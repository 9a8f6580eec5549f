using Fast.Cli.Run;
using Fast.Runtime.Elf;

namespace Fast.Tests.Cli;

/// <summary>The start-up warmer's guest (WarmRun) runs to its exit on an OS of its own: its hand-assembled
/// program is a valid executable and makes the calls it means to (the warmer itself swallows errors, so
/// only this test would notice a program that stopped working).</summary>
public class WarmRunTests
{
    [Fact]
    public void TheWarmingProgramRunsToExitZero() => Assert.Equal(0, WarmRun.Run());

    [Fact]
    public void TheWarmingProgramIsAStaticAArch64Executable()
    {
        var elf = new ElfFile(WarmRun.Executable());
        Assert.Equal(ElfConstants.MachineAArch64, elf.Header.Machine);
        Assert.Null(elf.Interpreter);
        Assert.Single(elf.ProgramHeaders);
    }
}
