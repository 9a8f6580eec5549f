// RangeIndex: the memory-holding children of one object, ordered by base address, so that the
// retype overlap check and unlinking stay O(log n) when a RAM region has hundreds of thousands of
// children (one per allocated page in a page-fault storm). Children with memory never overlap
// (retype refuses it), so a base address identifies one child, and the only child that can
// overlap [start, end) is the one with the greatest base below end. A treap with deterministic
// priorities; Barrelfish keeps its whole MDB in an AA tree for the same reason.
// Locking: owned by a CapObject, guarded by CapSystem.Lock.
namespace Fast.Os.Capabilities;

internal sealed class RangeIndex
{
    sealed class Node(CapObject value, uint priority)
    {
        public readonly CapObject Value = value;
        public readonly uint Priority = priority;
        public Node? Left, Right;
    }

    Node? root;
    uint seed = 0x9E3779B9;

    public int Count { get; private set; }

    uint NextPriority()
    {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        return seed;
    }

    public void Add(CapObject obj)
    {
        root = Insert(root, new Node(obj, NextPriority()));
        Count++;
    }

    static Node Insert(Node? t, Node n)
    {
        if (t == null) return n;
        if (n.Priority > t.Priority)
        {
            Split(t, n.Value.Base, out n.Left, out n.Right);
            return n;
        }
        if (n.Value.Base < t.Value.Base) t.Left = Insert(t.Left, n);
        else t.Right = Insert(t.Right, n);
        return t;
    }

    /// <summary>Splits t into keys below key and keys at or above it.</summary>
    static void Split(Node? t, ulong key, out Node? below, out Node? rest)
    {
        if (t == null) { below = rest = null; return; }
        if (t.Value.Base < key)
        {
            Split(t.Right, key, out t.Right, out rest);
            below = t;
        }
        else
        {
            Split(t.Left, key, out below, out t.Left);
            rest = t;
        }
    }

    static Node? Join(Node? a, Node? b)
    {
        if (a == null) return b;
        if (b == null) return a;
        if (a.Priority > b.Priority) { a.Right = Join(a.Right, b); return a; }
        b.Left = Join(a, b.Left);
        return b;
    }

    public bool Remove(CapObject obj)
    {
        ref Node? link = ref root;
        while (link != null)
        {
            if (link.Value == obj)
            {
                link = Join(link.Left, link.Right);
                Count--;
                return true;
            }
            link = ref obj.Base < link.Value.Base ? ref link.Left : ref link.Right;
        }
        return false;
    }

    /// <summary>The child with the greatest base strictly below end, if it reaches past start.</summary>
    public CapObject? FindOverlap(ulong start, ulong end)
    {
        CapObject? best = null;
        for (var t = root; t != null;)
        {
            if (t.Value.Base < end) { best = t.Value; t = t.Right; }
            else t = t.Left;
        }
        return best != null && best.End > start ? best : null;
    }
}
