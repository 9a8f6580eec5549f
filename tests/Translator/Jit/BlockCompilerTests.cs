using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator.Jit;

/// <summary>Tier 1 compiles hot blocks to IL that calls the same semantics as the interpreter.</summary>
public unsafe class BlockCompilerTests
{
    [Fact]
    public void HotBlockIsCompiledAndStillRaisesItsException()
    {
        using var h = new GuestHarness(tier1Threshold: 2);
        int entries = 0;
        h.Os.Handler = (cpu, e) =>
        {
            if (++entries == 1) h.TierUp!.Drain();
            if (entries == 50) return Resume.Halt;
            cpu.State->PC = GuestHarness.CodeBase;
            return Resume.Continue;
        };
        h.RunRaw(0xD40000A1); // SVC #0x5
        var block = Assert.Single(h.Engine.Cache.Snapshot());
        h.TierUp!.Drain();
        Assert.NotNull(block.Compiled);
        Assert.Equal(50, h.Os.Exceptions.Count);
        Assert.All(h.Os.Exceptions, e => Assert.Equal(ExceptionKind.Svc, e.Kind));
        Assert.All(h.Os.Exceptions, e => Assert.Equal(GuestHarness.CodeBase + 4, e.Pc));
        Assert.Equal(1, h.TierUp.BlocksCompiled);
    }

    [Fact]
    public void CompiledMethodIsNamedAfterTheGuestAddress()
    {
        using var h = new GuestHarness(tier1Threshold: 1);
        h.RunRaw(0xD4200020); // BRK #0x1
        h.TierUp!.Drain();
        var block = Assert.Single(h.Engine.Cache.Snapshot());
        Assert.Equal($"guest!0x{GuestHarness.CodeBase:x}", block.Compiled!.Method.Name);
    }
}
