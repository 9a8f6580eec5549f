using Fast.Cli.Commands;
using Fast.Tests.Support;

namespace Fast.Tests.Cli;

/// <summary>`fast explain` shows a hot function's region: guest code, IL, and the host code the .NET JIT made.</summary>
public class ExplainCommandTests
{
    [Fact]
    public void ExplainsTheRegionOfAHotFunction()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            __attribute__((noinline)) long hot_loop(long n) { long s = 0; for (long i = 0; i < n; i++) s += (i * 7) ^ (s >> 3); return s; }
            int main(void) { printf("%ld\n", hot_loop(3000000)); return 0; }
            """);
        var output = new StringWriter();
        Assert.Equal(0, ExplainCommand.Main(["--region", "hot_loop", exe], output));
        string text = output.ToString();
        Assert.Matches(@"region guest!0x[0-9a-f]+: \d+ guest instructions", text);
        Assert.Contains("b.ne\t0x", text);                 // the loop's guest branch
        Assert.Contains(".local x", text);                 // guest registers held in IL locals
        Assert.DoesNotContain("call DataProcessing", text); // the loop's integer instructions are emitted natively
        Assert.Matches(@"host x86-64 code: \d+ bytes at 0x[0-9a-f]+", text);
        Assert.Contains("ret", text);
    }

    /// <summary>
    /// A long function without a loop, called in a loop, is a region of its own; the registers it
    /// uses most are held in IL locals (not read and written in CpuState at every use).
    /// </summary>
    [Fact]
    public void AFunctionWithoutALoopHoldsItsBusiestRegistersInLocals()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #define STEP a = a * 31 + b; b = b ^ (c >> 3); c = c + a;
            #define STEP8 STEP STEP STEP STEP STEP STEP STEP STEP
            __attribute__((noinline)) long straight(long x) { long a = x, b = x ^ 0x55, c = x * 3; STEP8 STEP8 STEP8 STEP8 STEP8 return a + b + c; }
            int main(void) { long s = 0; for (long i = 0; i < 400000; i++) s += straight(i); printf("%ld\n", s); return 0; }
            """);
        var output = new StringWriter();
        Assert.Equal(0, ExplainCommand.Main(["--region", "straight", exe], output));
        string text = output.ToString();
        Assert.DoesNotContain("b.", text[..text.IndexOf("\nIL", StringComparison.Ordinal)]);   // no loop in the region
        Assert.Contains(".local x0", text);
    }
}
