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
}
