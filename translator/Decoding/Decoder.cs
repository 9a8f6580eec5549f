// Decoder: A64 instruction word -> encoding-table row, using the generated row descriptors.
//
// Rows are bucketed by the 12 most significant bits of the word (bits 31..20), which hold the
// ARM ARM's op0 group and most class selectors: a bucket lists the rows whose fixed bits agree
// with that prefix, in decode order (higher priority first, then more fixed bits first). Decoding
// scans one short bucket. A word no row claims, or that hits a row's Undefined constraint, is
// UNDEFINED (ARM ARM C1.2: unallocated encodings are UNDEFINED).
using System.Numerics;

namespace Fast.Translator;

public static class Decoder
{
    public const int Undefined = -1;
    const int BucketBits = 12;
    const int BucketShift = 32 - BucketBits;

    // Filled lazily, one bucket at a time: a short run touches a few dozen of the 4096 buckets, and
    // building them all up front would cost every start-up several milliseconds. A bucket is built
    // from the rows of its 6-bit prefix (also lazily, from all rows): scanning every row for each of
    // the ~100 buckets a glibc start-up touches was ~15 % of the guest thread's host instructions.
    const int CoarseBits = 6;
    static readonly int[]?[] buckets = new int[]?[1 << BucketBits];
    static readonly int[]?[] coarseBuckets = new int[]?[1 << CoarseBits];
    static readonly int[] decodeOrder = DecodeOrder();

    public static ReadOnlySpan<RowInfo> Rows => GeneratedDecoder.Rows;

    /// <summary>The row index for a word, or Undefined.</summary>
    public static int Decode(uint word)
    {
        var rows = GeneratedDecoder.Rows;
        foreach (int i in buckets[word >> BucketShift] ?? BuildBucket(word >> BucketShift))
        {
            ref readonly RowInfo r = ref rows[i];
            if ((word & r.Mask) != r.Value) continue;
            return r.IsUndefined(word) ? Undefined : i;
        }
        return Undefined;
    }

    public static int IndexOf(string name)
    {
        var rows = GeneratedDecoder.Rows;
        for (int i = 0; i < rows.Length; i++)
            if (rows[i].Name == name) return i;
        return -1;
    }

    // Array.Sort over int, not LINQ: OrderBy over int is JIT-compiled at every start (framework
    // generics outside ReadyToRun's version bubble). Higher priority first, then more fixed bits
    // first, then table order (a total order: the unstable sort gives OrderBy's result).
    static int[] DecodeOrder()
    {
        var rows = GeneratedDecoder.Rows;
        var order = new int[rows.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
            rows[a].Priority != rows[b].Priority ? rows[b].Priority.CompareTo(rows[a].Priority)
            : BitOperations.PopCount(rows[a].Mask) != BitOperations.PopCount(rows[b].Mask) ? BitOperations.PopCount(rows[b].Mask).CompareTo(BitOperations.PopCount(rows[a].Mask))
            : a.CompareTo(b));
        return order;
    }

    /// <summary>The rows whose fixed bits agree with a 12-bit prefix, in decode order (racing builders agree).</summary>
    static int[] BuildBucket(uint b)
    {
        uint c = b >> (BucketBits - CoarseBits);
        var bucket = Filter(coarseBuckets[c] ?? (coarseBuckets[c] = Filter(decodeOrder, c, CoarseBits)), b, BucketBits);
        buckets[b] = bucket;
        return bucket;
    }

    /// <summary>The rows of candidates (in their order) whose fixed bits agree with the bits-bit prefix p.</summary>
    static int[] Filter(int[] candidates, uint p, int bits)
    {
        var rows = GeneratedDecoder.Rows;
        uint prefixMask = ~0u << (32 - bits);
        uint prefix = p << (32 - bits);
        int n = 0;
        foreach (int i in candidates) if (((prefix ^ rows[i].Value) & rows[i].Mask & prefixMask) == 0) n++;
        var result = new int[n];
        n = 0;
        foreach (int i in candidates) if (((prefix ^ rows[i].Value) & rows[i].Mask & prefixMask) == 0) result[n++] = i;
        return result;
    }
}
