using Fast.Translator;
using Fast.Translator.Table;

namespace Fast.Tests.Translator.Table;

/// <summary>The encoding table is sound: no overlaps outside priority groups, patterns of 32 bits, unique names.</summary>
public class EncodingTableTests
{
    [Fact]
    public void TheTableHasNoProblems() => Assert.Empty(EncodingTable.Check());

    [Fact]
    public void OverlappingRowsAreReported()
    {
        var add = new Row("ADD_imm_a", "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5");
        var wide = new Row("WIDE", "x 0 0 100010 x imm12:12 Rn:5 Rd:5");
        var overlaps = EncodingTable.FindOverlaps([add, wide]);
        var (a, b, example) = Assert.Single(overlaps);
        Assert.True(add.Matches(example) && wide.Matches(example));
    }

    [Fact]
    public void RowsInOnePriorityGroupMayOverlap()
    {
        var nop = new Row("NOP_t", "11010101000000110010 0000 000 11111").InPriorityGroup("hint", 1);
        var hint = new Row("HINT_t", "11010101000000110010 CRm:4 op2:3 11111").InPriorityGroup("hint", 0);
        Assert.Empty(EncodingTable.FindOverlaps([nop, hint]));
    }

    [Theory]
    [InlineData("sf 0 0 100010 sh imm12:12 Rn:5 Rd:4")]   // 31 bits
    [InlineData("sf 0 0 100010 sh imm12:12 Rn:5 Rd:5 1")] // 33 bits
    [InlineData("sf 0 0 100010 sh imm12:12 Rn:5 Rn:5")]   // field twice
    [InlineData("sf 0 0 100010 sh imm12:x Rn:5 Rd:5")]    // bad width
    public void MalformedPatternsAreRejected(string pattern) =>
        Assert.Throws<TableException>(() => new Row("BAD", pattern));

    [Fact]
    public void UndefinedConstraintsNameRealFields()
    {
        Assert.Throws<TableException>(() => new Row("C", "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5").Undefined("N=1"));
        Assert.Throws<TableException>(() => new Row("C", "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5").Undefined("sh=11"));
    }

    [Fact]
    public void GeneratedDecoderFollowsTheTable()
    {
        Assert.Equal(EncodingTable.Rows.Count, Decoder.Rows.Length);
        for (int i = 0; i < EncodingTable.Rows.Count; i++)
        {
            Assert.Equal(EncodingTable.Rows[i].Name, Decoder.Rows[i].Name);
            Assert.Equal(EncodingTable.Rows[i].Mask, Decoder.Rows[i].Mask);
        }
    }

    [Fact]
    public void BucketedDecodeEqualsAScanOfEveryRowInDecodeOrder()
    {
        // Decoder builds each 12-bit bucket from its 6-bit prefix's rows: the result must be what a
        // scan of all rows (higher priority, then more fixed bits, then table order) finds.
        var rows = Fast.Translator.Decoder.Rows.ToArray();
        var order = Enumerable.Range(0, rows.Length)
            .OrderByDescending(i => rows[i].Priority).ThenByDescending(i => System.Numerics.BitOperations.PopCount(rows[i].Mask)).ThenBy(i => i).ToArray();
        int Reference(uint word)
        {
            foreach (int i in order)
                if ((word & rows[i].Mask) == rows[i].Value) return rows[i].IsUndefined(word) ? Fast.Translator.Decoder.Undefined : i;
            return Fast.Translator.Decoder.Undefined;
        }
        var random = new Random(5);
        for (int n = 0; n < 200_000; n++)
        {
            // Every row's fixed bits with random operand bits, and wholly random words.
            uint word = (uint)random.NextInt64(1L << 32);
            if (n % 2 == 0) { var r = rows[n / 2 % rows.Length]; word = r.Value | (word & ~r.Mask); }
            Assert.Equal(Reference(word), Fast.Translator.Decoder.Decode(word));
        }
    }
}
