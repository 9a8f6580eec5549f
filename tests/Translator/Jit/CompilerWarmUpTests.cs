using Fast.Translator;
using Fast.Translator.Jit;
using Fast.Translator.Table;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// What the compiler looks up lazily or from generated tables must still be complete and agree
/// with the encoding table: every row's generated shape (group, fields) is the table's, every row
/// has the semantics method tier 1 calls (SemanticsCatalog finds it at the row's first use now),
/// and the made-up region TierUpQueue.Prewarm compiles is a valid method.
/// </summary>
public class CompilerWarmUpTests
{
    [Fact]
    public void TheGeneratedRowShapesAreTheEncodingTables()
    {
        Assert.Equal(EncodingTable.Rows.Count, Decoder.Rows.Length);
        for (int row = 0; row < EncodingTable.Rows.Count; row++)
        {
            var table = EncodingTable.Rows[row];
            var shape = RowShape.Of(row);
            Assert.Equal((table.Group, table.Name), (shape.Group, shape.Name));
            Assert.Equal(table.Fields, shape.Fields);
        }
    }

    [Fact]
    public void EveryRowHasTheSemanticsMethodTier1Calls()
    {
        for (int row = 0; row < EncodingTable.Rows.Count; row++)
        {
            var table = EncodingTable.Rows[row];
            var entry = SemanticsCatalog.Instance[row];
            // The method the reflective table names, and one argument per parameter after CpuState*, by name.
            Assert.Equal((table.Group, table.Name), (entry.Method.DeclaringType!.Name, entry.Method.Name));
            var parameters = entry.Method.GetParameters().Skip(1).Select(p => p.Name).ToArray();
            Assert.Equal(parameters, entry.Arguments.Select(a => a.Name).ToArray());
            foreach (var argument in entry.Arguments) Assert.Contains(argument, table.Fields);
        }
    }

    [Fact]
    public void TheWarmUpRegionCompilesOnTheCompilerThread()
    {
        using var queue = new TierUpQueue { Synchronous = false };
        queue.Prewarm();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!queue.Prewarmed && queue.LastFailure is null && DateTime.UtcNow < deadline) Thread.Sleep(5);
        Assert.Null(queue.LastFailure);
        Assert.True(queue.Prewarmed);
    }
}
