using Fast.Translator;
using Fast.Translator.Interpreter;

namespace Fast.Tests.Translator;

/// <summary>
/// A decoded block's instructions live in a slice of a shared pinned chunk (InstructionArena): they
/// must keep their address and contents through garbage collections (the interpreter and compiled
/// regions hold pointers to them), and no two blocks' slices may overlap.
/// </summary>
public unsafe class DecodedBlockTests
{
    [Fact]
    public void BlocksKeepTheirInstructionsInPlaceThroughCollections()
    {
        var blocks = new List<(DecodedBlock Block, nint At)>();
        var random = new Random(5);
        for (int n = 0; n < 3000; n++)   // more than one 64 KiB chunk's worth
        {
            int count = random.Next(1, DecodedBlock.MaxInstructions + 1);
            var instructions = new DecodedInstruction[count];
            for (int i = 0; i < count; i++) instructions[i] = new DecodedInstruction { Word = (uint)(n * 100 + i), Row = i };
            DecodedBlock block;
            fixed (DecodedInstruction* p = instructions) block = new DecodedBlock((ulong)n * 0x1000, 0, p, count, endsWithControl: false);
            blocks.Add((block, (nint)block.Instructions));
            if (n % 500 == 0) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var spans = new List<(nint Start, nint End)>();
        for (int n = 0; n < blocks.Count; n++)
        {
            var (block, at) = blocks[n];
            Assert.Equal(at, (nint)block.Instructions);
            for (int i = 0; i < block.Count; i++)
            {
                Assert.Equal((uint)(n * 100 + i), block.Instructions[i].Word);
                Assert.Equal(i, block.Instructions[i].Row);
            }
            spans.Add((at, at + block.Count * sizeof(DecodedInstruction)));
        }
        spans.Sort();
        for (int i = 1; i < spans.Count; i++) Assert.True(spans[i].Start >= spans[i - 1].End, "two blocks share instruction memory");
    }
}
