// Decoding: the generated decoder (bucket by the top 12 bits, then the bucket's rows) over a mix of
// real instruction words (the rows' own patterns with random fields), and the cost of decoding a
// whole block for tier 0 (decode + marking the code page + building the block), per instruction.
using BenchmarkDotNet.Attributes;
using Fast.Translator;
using Fast.Translator.Table;

namespace Fast.Perf.Micro;

public class DecodeBenchmarks
{
    uint[] words = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var rows = EncodingTable.Rows;
        var list = new List<uint>();
        while (list.Count < 4096)
        {
            var row = rows[random.Next(rows.Count)];
            uint word = row.Value | ((uint)random.NextInt64() & ~row.Mask);
            if (Decoder.Decode(word) != Decoder.Undefined) list.Add(word);
        }
        words = list.ToArray();
    }

    [Benchmark(OperationsPerInvoke = 4096)]
    public int Decode()
    {
        int sum = 0;
        foreach (uint w in words) sum += Decoder.Decode(w);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 4096)]
    public int Disassemble()
    {
        int length = 0;
        foreach (uint w in words) length += Disassembler.Disassemble(w, 0x400000).Length;
        return length;
    }
}
