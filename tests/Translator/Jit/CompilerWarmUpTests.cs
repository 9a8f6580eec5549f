using Fast.Translator.Interpreter;
using Fast.Translator.Jit;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// What the compiler looks up lazily must still be complete: every encoding-table row has the
/// semantics method tier 1 calls (SemanticsCatalog finds it at the row's first use now), and the
/// made-up region TierUpQueue.Prewarm compiles is a valid method.
/// </summary>
public class CompilerWarmUpTests
{
    [Fact]
    public void EveryRowHasTheSemanticsMethodTier1Calls()
    {
        int rows = Decoder.Rows.Length;
        for (int row = 0; row < rows; row++)
        {
            var entry = SemanticsCatalog.Instance[row];
            Assert.Equal(entry.Method.GetParameters().Length - 1, entry.Arguments.Length);
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
