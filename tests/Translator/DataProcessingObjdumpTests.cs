// The data-processing disassembly against GNU objdump: ~200k random words that decode to a row of
// the data-processing groups, biased towards the field values that select aliases (register 31,
// zero shifts, Rn = Rm, imms = immr - 1, ...).
using Fast.Tests.Support;
using Fast.Translator;
using Fast.Translator.Table;

namespace Fast.Tests.Translator;

public class DataProcessingObjdumpTests
{
    internal static readonly string[] Groups =
    [
        "DataProcessingImmediate", "DataProcessingRegister", "DataProcessingRegisterLogical",
        "DataProcessingRegisterAddSub", "DataProcessingRegisterConditional", "DataProcessingRegister3Source",
    ];

    internal static List<Row> OurRows() => EncodingTable.Rows.Where(r => Groups.Contains(r.Group)).ToList();

    /// <summary>count random words, each decoding (not UNDEFINED) to one of rows.</summary>
    internal static List<uint> RandomWords(IReadOnlyList<Row> rows, int count, int seed)
    {
        var random = new Random(seed);
        var words = new List<uint>(count);
        while (words.Count < count)
        {
            var row = rows[random.Next(rows.Count)];
            uint word = ((uint)random.NextInt64() & ~row.Mask) | row.Value;
            foreach (var f in row.Fields)
            {
                if (random.Next(4) != 0) continue;
                uint ones = (uint)((1UL << f.Width) - 1);
                uint[] special = [0, ones, 1, 7, 15, 31, 63, ones - 1];
                uint v = special[random.Next(special.Length)] & ones;
                word = (word & ~(ones << f.Low)) | (v << f.Low);
            }
            word = Correlate(row, word, random);
            if (Disassembler.RowName(word) == row.Name) words.Add(word);
        }
        return words;
    }

    /// <summary>Sometimes makes Rm = Rn, or imms = immr - 1, so the aliases that need them show up.</summary>
    static uint Correlate(Row row, uint word, Random random)
    {
        Field? Get(string name) => row.Fields.FirstOrDefault(f => f.Name == name);
        uint Read(Field f) => (word >> f.Low) & (uint)((1UL << f.Width) - 1);
        void Write(Field f, uint v) => word = (word & ~((uint)((1UL << f.Width) - 1) << f.Low)) | ((v & (uint)((1UL << f.Width) - 1)) << f.Low);
        if (Get("Rn") is { } rn && Get("Rm") is { } rm && random.Next(4) == 0) Write(rm, Read(rn));
        if (Get("immr") is { } immr && Get("imms") is { } imms && random.Next(4) == 0) Write(imms, Read(immr) - 1);
        return word;
    }

    [Fact]
    public void RandomWordsDisassembleLikeObjdump()
    {
        var words = RandomWords(OurRows(), 200_000, seed: 20240601);
        var mismatches = ObjdumpOracle.Compare(words);
        Assert.True(mismatches.Count == 0, ObjdumpOracle.Report(mismatches));
    }

    [Fact]
    public void EveryRowIsCoveredByTheRandomWords()
    {
        var rows = OurRows();
        Assert.Equal(67, rows.Count);
        var seen = RandomWords(rows, 20_000, seed: 7).Select(w => Disassembler.RowName(w)).ToHashSet();
        Assert.All(rows, r => Assert.Contains(r.Name, seen));
    }
}

public class ObjdumpOracleTests
{
    [Fact]
    public void OracleReadsObjdumpsTextAndNormalisesTargets()
    {
        var text = ObjdumpOracle.Disassemble([0x8B020020, 0xB27F3FE0, 0x10000000, 0x90000020]);
        Assert.Equal("add\tx0, x1, x2", text[0]);
        Assert.Equal("mov\tx0, #0x1fffe               \t// #131070", text[1]);
        Assert.Equal("adr\tx0, 0x8", text[2]);
        Assert.Equal("adrp\tx0, 0x4000", text[3]);
    }
}
