// RamLoanTests: each core allocates from its own share of RAM; when a core's share runs out it asks
// the others for a part of theirs by message (KernelServices.BorrowRam), so one process can still
// use (nearly) all of --mem on a machine of several cores.
using System.Text;
using Fast.Os.Kernel;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class RamLoanTests
{
    const string Source = """
        #include <stdio.h>
        #include <stdlib.h>
        int main(void) {
            size_t n = 170u << 20;   /* more than core 0's half of 256 MiB */
            char *p = malloc(n);
            if (!p) { puts("malloc failed"); return 1; }
            for (size_t i = 0; i < n; i += 4096) p[i] = (char)i;
            long s = 0;
            for (size_t i = 0; i < n; i += 4096) s += p[i];
            printf("ok %ld\n", s);
            return 0;
        }
        """;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AProcessBorrowsRamFromTheOtherCoresWhenItsCoreRunsOut(int cores)
    {
        using var run = new MulticoreRun(GuestPrograms.Build(Source), cores);
        Assert.StartsWith("ok ", run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Os.Kernel.ForCore(0).BorrowedBytes > 0, "core 0 borrowed nothing");
        foreach (var k in run.Os.Native.Kernels) Assert.Equal(0, k.Caps.ForeignCallers);   // the loans went by message
    }

    /// <summary>More than all of RAM: the process is killed when no core has any left (page tables
    /// included), and the kernel and the host go on.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ExhaustingEveryCoreKillsTheProcessNotTheHost(int cores)
    {
        using var run = new MulticoreRun(GuestPrograms.Build(Source.Replace("170u << 20", "400u << 20")), cores);
        Assert.DoesNotContain("ok", run.Output);
        Assert.NotEqual(0, run.Status);
    }
}
