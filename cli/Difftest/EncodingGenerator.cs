// EncodingGenerator: random instruction words drawn from the encoding table, by class.
//
// A case picks a row, fills every bit the row leaves open (its fields and x bits) at random, and
// keeps the word only if Fast's decoder decodes it to that same row (so priority groups and
// Undefined constraints are respected and every row is reached, whatever its encoding density).
// Classes are named sets of row groups derived from the group's name prefix, so a new row group
// joins a class without touching this file; a group with no known prefix forms a class named
// after itself. Rows Unicorn cannot be compared with are left out, with the reason (see
// KnownDeviations for the table of Unicorn's deviations from the ARM ARM).
using Fast.Translator;
using Fast.Translator.Table;

namespace Fast.Cli.Difftest;

/// <summary>A small deterministic PRNG (SplitMix64), stable across .NET versions.</summary>
public sealed class Rng(ulong seed)
{
    ulong state = seed;

    public ulong Next64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public uint Next32() => (uint)(Next64() >> 32);
    public int Below(int n) => (int)((Next64() >> 33) % (ulong)n);
    public bool Chance(int oneIn) => Below(oneIn) == 0;

    /// <summary>A stateless hash of i (the same mixer), for memory patterns.</summary>
    public static ulong Hash(ulong i)
    {
        ulong z = i * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

public sealed class EncodingGenerator
{
    /// <summary>Group-name prefix → class name. Order matters: the first matching prefix wins.</summary>
    public static readonly (string Prefix, string Class)[] ClassPrefixes =
    [
        ("DataProcessing", "dp"),
        ("LoadStore", "ls"),
        ("Branch", "branch"),
        ("ExceptionGeneration", "branch"),  // SVC/BRK/HLT/UDF: same ARM ARM group as branches
        ("System", "system"),
        ("Fp", "fp"),
        ("AdvSimd", "simd"),
        ("Simd", "simd"),
        ("Crypto", "simd"),
    ];

    /// <summary>Row groups never generated, with why.</summary>
    public static readonly (string Group, string Reason)[] ExcludedGroups =
    [
        ("LoadStoreExclusive", "exclusives (LDXR/STXR/...) depend on the monitor and are covered by the concurrent tests"),
    ];

    /// <summary>Single words never generated (a predicate over the word), with why.</summary>
    public static readonly (string Name, Func<uint, bool> Matches, string Reason)[] ExcludedWords =
    [
        // MRS of the generic-timer registers (op0=3 op1=3 CRn=14): CNTVCT_EL0, CNTPCT_EL0, ... read
        // the host clock on both sides, so their values can never agree.
        ("MRS generic timer", w => (w & 0xFFFFF000u) == 0xD53BE000u, "reads a free-running counter"),
    ];

    public static string ClassOf(Row row)
    {
        foreach (var (prefix, cls) in ClassPrefixes)
            if (row.Group.StartsWith(prefix, StringComparison.Ordinal)) return cls;
        return row.Group.ToLowerInvariant();
    }

    /// <summary>Every class that has at least one generatable row, sorted.</summary>
    public static IReadOnlyList<string> AvailableClasses() =>
        EncodingTable.Rows.Where(r => !IsExcluded(r) && KnownDeviations.Find(r.Name, null) is null).Select(ClassOf).Distinct().Order(StringComparer.Ordinal).ToList();

    static bool IsExcluded(Row row) => ExcludedGroups.Any(g => g.Group == row.Group);

    readonly Rng rng;
    readonly Row[] rows;
    readonly int[] decoderIndex;

    public IReadOnlyList<Row> Rows => rows;
    /// <summary>Words not generated because a known Unicorn deviation covers them, by table entry.</summary>
    public Dictionary<KnownDeviation, int> Skipped { get; } = new();
    /// <summary>Rows left out entirely because a known deviation covers every word of them.</summary>
    public IReadOnlyList<KnownDeviation> SkippedRows { get; }

    public EncodingGenerator(Rng rng, IEnumerable<string> classes)
    {
        this.rng = rng;
        var wanted = classes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Except(AvailableClasses(), StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown or empty instruction class(es): {string.Join(", ", unknown)} (available: {string.Join(", ", AvailableClasses())})");
        var chosen = EncodingTable.Rows.Where(r => !IsExcluded(r) && wanted.Contains(ClassOf(r))).ToList();
        // Rows a known deviation covers entirely are not generated at all (reported by the session).
        SkippedRows = chosen.Select(r => KnownDeviations.Find(r.Name, null)).OfType<KnownDeviation>().ToList();
        rows = chosen.Where(r => KnownDeviations.Find(r.Name, null) is null).ToArray();
        decoderIndex = rows.Select(r => Decoder.IndexOf(r.Name)).ToArray();
    }

    /// <summary>A random word of a random row (rows are equally likely).</summary>
    public uint Next()
    {
        while (true)
        {
            int i = rng.Below(rows.Length);
            if (TryFill(i, out uint word)) return word;
        }
    }

    /// <summary>A random word that decodes to the given row; false if 64 tries all decoded elsewhere.</summary>
    public bool TryFill(int rowIndex, out uint word)
    {
        var row = rows[rowIndex];
        for (int attempt = 0; attempt < 64; attempt++)
        {
            word = row.Value | (rng.Next32() & ~row.Mask);
            if (Decoder.Decode(word) != decoderIndex[rowIndex]) continue;
            if (IsExcludedWord(word)) continue;
            if (KnownDeviations.Find(row.Name, word) is { } deviation)
            {
                Skipped[deviation] = Skipped.GetValueOrDefault(deviation) + 1;
                continue;
            }
            return true;
        }
        word = 0;
        return false;
    }

    public static bool IsExcludedWord(uint word)
    {
        foreach (var e in ExcludedWords)
            if (e.Matches(word)) return true;
        return false;
    }
}
