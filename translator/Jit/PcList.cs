// PcList: a growable list of guest addresses with sorting and binary search, in Fast's own code.
// The region builder and compiler run on the compiler thread once per region. Framework
// collections and LINQ instantiated over ulong or value tuples (SortedSet<ulong>, Queue<ulong>,
// List<(ulong, ulong)>, OrderBy over ulong...) lie outside ReadyToRun's version bubble: they were
// JIT-compiled at run time, about 150 methods before the first region of a program could compile,
// and then ran as unoptimised tier-0 code. A type of Fast's own is precompiled.
namespace Fast.Translator.Jit;

public sealed class PcList
{
    ulong[] items = new ulong[16];

    public int Count { get; private set; }

    public ulong this[int i] => items[i];

    public void Add(ulong pc)
    {
        if (Count == items.Length)
        {
            var bigger = new ulong[items.Length * 2];
            Array.Copy(items, bigger, Count);
            items = bigger;
        }
        items[Count++] = pc;
    }

    public void AddRange(ulong[] pcs)
    {
        foreach (ulong pc in pcs) Add(pc);
    }

    public void AddRange(PcList pcs)
    {
        for (int i = 0; i < pcs.Count; i++) Add(pcs[i]);
    }

    public ulong[] ToArray()
    {
        var copy = new ulong[Count];
        Array.Copy(items, copy, Count);
        return copy;
    }

    /// <summary>A linear search (short lists).</summary>
    public bool Contains(ulong pc)
    {
        for (int i = 0; i < Count; i++) if (items[i] == pc) return true;
        return false;
    }

    /// <summary>The distinct addresses in ascending order (an insertion sort: the lists are short and mostly in order).</summary>
    public ulong[] SortedDistinct()
    {
        var sorted = new ulong[Count];
        int n = 0;
        for (int i = 0; i < Count; i++)
        {
            ulong v = items[i];
            int j = n;
            while (j > 0 && sorted[j - 1] > v) j--;
            if (j > 0 && sorted[j - 1] == v) continue;
            Array.Copy(sorted, j, sorted, j + 1, n - j);
            sorted[j] = v;
            n++;
        }
        if (n == sorted.Length) return sorted;
        var exact = new ulong[n];
        Array.Copy(sorted, exact, n);
        return exact;
    }

    /// <summary>The index of pc in an ascending array, or -1.</summary>
    public static int IndexIn(ulong[] sorted, ulong pc)
    {
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] == pc) return mid;
            if (sorted[mid] < pc) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
