// DifftestTests: the differential tester against Unicorn. A bounded slice per instruction class
// with fixed seeds must show no mismatch, and deliberately wrong results must be caught, so the
// slice cannot pass vacuously.
using Fast.Cli.Difftest;
using Fast.Runtime;
using Fast.Translator;

namespace Fast.Tests.Cli;

public sealed unsafe class DifftestTests
{
    public static TheoryData<string> Classes()
    {
        var data = new TheoryData<string>();
        foreach (var c in EncodingGenerator.AvailableClasses()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void ClassSliceHasNoMismatch(string cls)
    {
        var output = new StringWriter();
        var session = new DiffSession { Seed = 20240601, Count = 8000, Classes = [cls], MaxReport = 10, Out = output };
        int mismatches = session.Run();
        Assert.True(mismatches == 0, output.ToString());
        Assert.Equal($"difftest: 8000 cases, 0 mismatches", output.ToString().TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void MixedSliceHasNoMismatch()
    {
        var output = new StringWriter();
        var session = new DiffSession { Seed = 7, Count = 4000, MaxReport = 10, Out = output };
        Assert.True(session.Run() == 0, output.ToString());
    }

    /// <summary>Tier 1: each case is compiled to an IL region and run again; the compiled run is compared.</summary>
    [Fact]
    public void MixedSliceHasNoMismatchUnderTheIlTier()
    {
        var output = new StringWriter();
        var session = new DiffSession { Seed = 11, Count = 4000, MaxReport = 10, Out = output, Tier = "jit" };
        Assert.True(session.Run() == 0, output.ToString());
    }

    [Fact]
    public void GeneratedWordsDecodeToTheirRows()
    {
        var gen = new EncodingGenerator(new Rng(3), EncodingGenerator.AvailableClasses());
        Assert.NotEmpty(gen.Rows);
        for (int i = 0; i < gen.Rows.Count; i++)
        {
            Assert.True(gen.TryFill(i, out uint word), $"no word found for {gen.Rows[i].Name}");
            Assert.Equal(gen.Rows[i].Name, Disassembler.RowName(word));
        }
    }

    [Fact]
    public void ComparatorReportsEveryDifferingRegister()
    {
        var a = DiffSession.RandomState(new Rng(11));
        var b = a.Clone();
        Assert.Empty(DiffState.Compare(a, b));
        b.X[5] ^= 1;
        b.Pc += 4;
        b.Nzcv ^= 1UL << 29;
        b.V[7] ^= 0x80;
        b.Outcome = Outcome.Svc;
        var d = DiffState.Compare(a, b);
        Assert.Contains(d, l => l.StartsWith("X5: fast="));
        Assert.Contains(d, l => l.StartsWith("PC: fast="));
        Assert.Contains(d, l => l.StartsWith("NZCV: fast=nzcv unicorn=nzCv") || l.StartsWith("NZCV:"));
        Assert.Contains(d, l => l.StartsWith("V3: fast="));
        Assert.Contains(d, l => l.StartsWith("exception: fast=completed unicorn=Svc"));
        var c = a.Clone();
        c.Outcome = b.Outcome = Outcome.DataAbort;
        c.FaultAddress = 0x1000;
        b.FaultAddress = 0x1008;
        Assert.Contains(DiffState.Compare(c, b), l => l.StartsWith("exception:"));
    }

    [Fact]
    public void RunnerCatchesAWrongRegisterAndAWrongByte()
    {
        using var runner = new DiffRunner();
        var init = DiffSession.RandomState(new Rng(5));
        var svc = new DiffCase([0xD4000001], init, 1);   // SVC #0
        var ok = runner.Run(svc);
        Assert.True(ok.Matches, string.Join("\n", ok.Differences));
        // Both sides stop on the SVC with the preferred return address (the next instruction).
        Assert.Equal(Outcome.Svc, ok.Fast.Outcome);
        Assert.Equal(Outcome.Svc, ok.Unicorn.Outcome);
        Assert.Equal(DiffRunner.CodeBase + 4, ok.Unicorn.Pc);
        Assert.Equal(DiffRunner.CodeBase + 4, ok.Fast.Pc);

        runner.TamperWithFast = cpu => cpu.State->X[3] += 1;
        var bad = runner.Run(svc);
        Assert.Contains(bad.Differences, l => l.StartsWith("X3: fast="));

        runner.TamperWithFast = cpu => cpu.Machine.Ram.Span((int)DiffRunner.DataBase + 0x123, 1)[0] ^= 0xFF;
        bad = runner.Run(svc);
        Assert.Contains(bad.Differences, l => l.StartsWith($"mem[0x{DiffRunner.DataBase + 0x123:x}]"));

        // The tampered byte is restored: the next clean run matches again.
        runner.TamperWithFast = null;
        Assert.True(runner.Run(svc).Matches);
    }

    /// <summary>
    /// LD2R whose second element crosses into unmapped memory: both abort at it; QEMU has written V7
    /// (the first structure), Fast nothing; the destinations are UNKNOWN, so only they are not compared.
    /// </summary>
    [Fact]
    public void AnAbortedSimdStructureLoadLeavesOnlyItsDestinationsUncompared()
    {
        using var runner = new DiffRunner();
        var init = DiffSession.RandomState(new Rng(51));
        init.X[24] = 0xFFFF5;   // 8 bytes at 0xFFFF5 are mapped, the next 8 cross 0x100000
        var load = new DiffCase([0x0D60CF07], init, 1);   // LD2R {V7.1D, V8.1D}, [X24]
        var r = runner.Run(load);
        Assert.True(r.Matches, string.Join("\n", r.Differences));
        Assert.Equal(Outcome.DataAbort, r.Fast.Outcome);
        Assert.Equal(Outcome.DataAbort, r.Unicorn.Outcome);
        Assert.NotEqual(r.Fast.V[14], r.Unicorn.V[14]);   // V7 low: written by QEMU only
        Assert.Equal(1, runner.Corrections[KnownDeviations.AbortedSimdLoad]);

        runner.TamperWithFast = cpu => cpu.State->V[18] ^= 1;   // V9: not a destination
        Assert.Contains(runner.Run(load).Differences, l => l.StartsWith("V9: fast="));
    }

    [Fact]
    public void ExceptionsAgreeWithUnicorn()
    {
        using var runner = new DiffRunner();
        var init = DiffSession.RandomState(new Rng(9));
        foreach (var (word, outcome, pc) in new (uint, Outcome, ulong)[]
                 {
                     (0xD4200000, Outcome.Brk, DiffRunner.CodeBase),        // BRK #0
                     (0xD4400000, Outcome.Undefined, DiffRunner.CodeBase),  // HLT #0
                     (0x00000000, Outcome.Undefined, DiffRunner.CodeBase),  // UDF #0
                     (0x02000000, Outcome.Undefined, DiffRunner.CodeBase),  // unallocated (op0 = 0001)
                 })
        {
            var r = runner.Run(new DiffCase([word], init, 1));
            Assert.True(r.Matches, string.Join("\n", r.Differences));
            Assert.Equal(outcome, r.Unicorn.Outcome);
            Assert.Equal(pc, r.Unicorn.Pc);
        }
    }

    [Fact]
    public void MismatchIsReportedWithDisassemblyAndNonZeroCount()
    {
        var output = new StringWriter();
        var session = new DiffSession { Seed = 1, Count = 3, Out = output, Tamper = cpu => cpu.State->X[0] = ~cpu.State->X[0] };
        Assert.Equal(3, session.Run());
        string text = output.ToString();
        Assert.Contains("MISMATCH case 0", text);
        Assert.Contains("X0: fast=", text);
        Assert.Equal("difftest: 3 cases, 3 mismatches", text.TrimEnd().Split('\n')[^1]);
    }
}
