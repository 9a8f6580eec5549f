// DiffSession: generates cases, runs them through DiffRunner, and reports mismatches.
//
// Case i of a seed is generated from its own PRNG (seeded from the seed and i), so a mismatch is
// reproducible alone: `fast difftest --seed S --first i --count 1`. Shapes cycle over single
// instructions, 5-instruction and 100-instruction blocks of rows mixed from the chosen classes.
using Fast.Translator;

namespace Fast.Cli.Difftest;

public sealed class DiffSession
{
    public ulong Seed { get; init; } = 1;
    public int Count { get; init; } = 10_000;
    public int First { get; init; }
    public IReadOnlyList<string> Classes { get; init; } = EncodingGenerator.AvailableClasses();
    public int MaxReport { get; init; } = 20;
    /// <summary>The execution tier Fast runs each case with: interp or jit (see DiffRunner.Tier).</summary>
    public string Tier { get; init; } = "interp";
    public TextWriter Out { get; init; } = Console.Out;
    /// <summary>Tests only: corrupts Fast's result of every case (see DiffRunner.TamperWithFast).</summary>
    public Action<Fast.Runtime.Vcpu>? Tamper { get; init; }

    public int Cases { get; private set; }
    public int Mismatches { get; private set; }
    public Dictionary<KnownDeviation, int> Skipped { get; } = new();

    /// <summary>Instruction counts of the case shapes, in the order case numbers cycle through them.</summary>
    static readonly int[] Shapes = [1, 1, 1, 1, 1, 1, 5, 5, 5, 100];

    /// <summary>Runs every case and prints mismatches and the summary line. Returns the number of mismatches.</summary>
    public int Run()
    {
        using var runner = new DiffRunner(Tier) { TamperWithFast = Tamper };
        foreach (var d in new EncodingGenerator(new Rng(Seed), Classes).SkippedRows)
            Out.WriteLine($"skipped row of known Unicorn deviation {d}");
        for (int i = First; i < First + Count; i++)
        {
            var c = MakeCase(i, out var generator);
            foreach (var (k, v) in generator.Skipped) Skipped[k] = Skipped.GetValueOrDefault(k) + v;
            var result = runner.Run(c);
            Cases++;
            if (result.Matches) continue;
            Mismatches++;
            if (Mismatches <= MaxReport) Report(i, result);
        }
        foreach (var (d, n) in Skipped.OrderBy(p => p.Key.Row, StringComparer.Ordinal))
            Out.WriteLine($"skipped {n} word(s) of known Unicorn deviation {d}");
        foreach (var (d, n) in runner.Corrections.OrderBy(p => p.Key, StringComparer.Ordinal))
            Out.WriteLine($"corrected {n} Unicorn result(s) to the ARM ARM: {d}");
        if (runner.SelfModifyingFallbacks > 0)
            Out.WriteLine($"jit tier: {runner.SelfModifyingFallbacks} case(s) stored into their own code and were compared through the interpreter");
        if (Mismatches > MaxReport) Out.WriteLine($"({Mismatches - MaxReport} more mismatches not shown; --max-report)");
        Out.WriteLine($"difftest: {Cases} cases, {Mismatches} mismatches");
        return Mismatches;
    }

    public DiffCase MakeCase(int index, out EncodingGenerator generator)
    {
        var rng = new Rng(Rng.Hash(Seed) ^ Rng.Hash((ulong)index + 0x5EED));
        generator = new EncodingGenerator(rng, Classes);
        int n = Shapes[index % Shapes.Length];
        var words = new uint[n];
        for (int k = 0; k < n; k++) words[k] = generator.Next();
        return new DiffCase(words, RandomState(rng), n);
    }

    /// <summary>
    /// A random initial state: each X register points into the data region with probability 1/2
    /// (sometimes just below a page end), otherwise holds an interesting value; SP is 16-aligned in
    /// the data region; NZCV and TPIDR_EL0 are random; half the V-register halves hold FP special
    /// values (FpSpecialValues), the rest integer-interesting or random bits; FPCR is random
    /// (rounding mode, FZ, DN), FPSR starts at 0.
    /// </summary>
    public static DiffState RandomState(Rng rng)
    {
        var s = new DiffState();
        for (int i = 0; i < 31; i++) s.X[i] = rng.Chance(2) ? Pointer(rng) : Interesting(rng);
        s.Sp = (DiffRunner.DataBase + 0x100 + (ulong)rng.Below((int)DiffRunner.DataSize - 0x200)) & ~15UL;
        s.Nzcv = (ulong)rng.Below(16) << 28;
        for (int i = 0; i < 64; i++) s.V[i] = rng.Chance(2) ? FpSpecialValues.Lanes(rng) : rng.Chance(2) ? Interesting(rng) : rng.Next64();
        s.Fpcr = FpSpecialValues.Fpcr(rng);
        s.Tpidr = rng.Next64();
        s.Pc = DiffRunner.CodeBase;
        return s;
    }

    static ulong Pointer(Rng rng)
    {
        ulong page = DiffRunner.DataBase + (ulong)rng.Below((int)(DiffRunner.DataSize / 0x1000)) * 0x1000;
        return rng.Below(4) switch
        {
            0 => page + 0x1000 - (ulong)rng.Below(24),      // near the end of a page (straddling accesses)
            1 => page + ((ulong)rng.Below(0x1000) & ~7UL),  // 8-aligned
            _ => page + (ulong)rng.Below(0x1000),
        };
    }

    static readonly ulong[] Edges =
    [
        0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1_0000_0000,
        0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE,
        0xFFFF_FFFF_8000_0000, 0x8000_0000_0000_0001, 0x5555_5555_5555_5555, 0xAAAA_AAAA_AAAA_AAAA,
    ];

    static ulong Interesting(Rng rng) => rng.Below(8) switch
    {
        0 => Edges[rng.Below(Edges.Length)],
        1 => (ulong)rng.Below(256),
        2 => (ulong)-(long)rng.Below(256),
        3 => rng.Next32(),
        4 => 1UL << rng.Below(64),
        5 => (ulong)(int)rng.Next32(),
        _ => rng.Next64(),
    };

    void Report(int index, DiffResult r)
    {
        var c = r.Case;
        Out.WriteLine($"MISMATCH case {index} (seed {Seed}, {c.Words.Length} instruction(s), count {c.Count}):");
        for (int k = 0; k < c.Words.Length; k++)
        {
            ulong pc = DiffRunner.CodeBase + (ulong)k * 4;
            string row = Disassembler.RowName(c.Words[k]) ?? "UNDEFINED";
            Out.WriteLine($"  {pc:x5}: {c.Words[k]:x8}  {Disassembler.Disassemble(c.Words[k], pc),-40} [{row}]");
        }
        var init = c.Initial;
        Out.Write("  initial:");
        for (int i = 0; i < 31; i++) Out.Write($"{(i % 4 == 0 ? "\n   " : "")} X{i}=0x{init.X[i]:x}");
        Out.WriteLine($"\n    SP=0x{init.Sp:x} NZCV={DiffState.Flags(init.Nzcv)}");
        Out.WriteLine($"  ended: fast {r.Fast.Describe()} at 0x{r.Fast.Pc:x}; unicorn {r.Unicorn.Describe()} at 0x{r.Unicorn.Pc:x}");
        foreach (var d in r.Differences) Out.WriteLine($"  {d}");
    }
}
