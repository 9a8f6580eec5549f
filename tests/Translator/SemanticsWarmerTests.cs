// SemanticsWarmer (the start-up thread of `fast run`) runs every listed row on its scratch state:
// each name is a row of the table, has a word of zero operands, and runs without an exception
// (an exception would mean the row left the scratch state: a slow path, a vCPU, the OS).
using Fast.Translator;
using Fast.Translator.Interpreter;
using Xunit;

namespace Fast.Tests.Translator;

public class SemanticsWarmerTests
{
    [Fact]
    public void EveryStartupRowExistsAndRunsOnTheScratchState()
    {
        foreach (string name in SemanticsWarmer.StartupRows) Assert.True(Decoder.IndexOf(name) >= 0, $"no row {name}");
        Assert.Equal(SemanticsWarmer.StartupRows.Length, SemanticsWarmer.Run(SemanticsWarmer.StartupRows));
    }

    [Fact]
    public void ASystemInstructionIsNotRunAsIfItWereSafe()
    {
        // SVC reaches the vCPU (there is none): it throws, and is not counted.
        Assert.Equal(0, SemanticsWarmer.Run(["SVC"]));
    }
}
