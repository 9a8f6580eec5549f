// PcMap: a hash map from guest addresses to T, in Fast's own code, for the region builder and
// compiler. Like PcList (see its header): Dictionary<ulong, ...> instantiations lie outside
// ReadyToRun's version bubble and were JIT-compiled, at tier 0, by the first region a program
// compiled (with the other framework generics over value types, ~100 methods and ~15 ms before
// its hot loop could leave the interpreter); PcMap<T> is precompiled with Fast's code.
// Open addressing with linear probing; never shrinks; iteration in slot order (Slots, KeyAt, ValueAt).
namespace Fast.Translator.Jit;

public sealed class PcMap<T>
{
    ulong[] keys;
    T[] values;
    bool[] used;

    public PcMap(int capacity = 16)
    {
        int size = 16;
        while (size < capacity * 2) size *= 2;
        keys = new ulong[size];
        values = new T[size];
        used = new bool[size];
    }

    public int Count { get; private set; }

    /// <summary>Slots to iterate with IsUsed, KeyAt and ValueAt.</summary>
    public int Slots => keys.Length;
    public bool IsUsed(int slot) => used[slot];
    public ulong KeyAt(int slot) => keys[slot];
    public T ValueAt(int slot) => values[slot];

    int SlotOf(ulong key)
    {
        int mask = keys.Length - 1;
        int slot = (int)((key >> 2) * 0x9E3779B97F4A7C15UL >> 40) & mask;
        while (used[slot] && keys[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }

    public bool ContainsKey(ulong key) => used[SlotOf(key)];

    public bool TryGetValue(ulong key, out T value)
    {
        int slot = SlotOf(key);
        value = used[slot] ? values[slot] : default!;
        return used[slot];
    }

    public T? GetValueOrDefault(ulong key) => TryGetValue(key, out var value) ? value : default;

    public T this[ulong key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no entry for 0x{key:x}");
        set
        {
            int slot = SlotOf(key);
            if (!used[slot])
            {
                if ((Count + 1) * 2 > keys.Length) { Grow(); slot = SlotOf(key); }
                used[slot] = true;
                keys[slot] = key;
                Count++;
            }
            values[slot] = value;
        }
    }

    void Grow()
    {
        ulong[] oldKeys = keys;
        T[] oldValues = values;
        bool[] oldUsed = used;
        keys = new ulong[oldKeys.Length * 2];
        values = new T[oldKeys.Length * 2];
        used = new bool[oldKeys.Length * 2];
        Count = 0;
        for (int i = 0; i < oldKeys.Length; i++) if (oldUsed[i]) this[oldKeys[i]] = oldValues[i];
    }
}
