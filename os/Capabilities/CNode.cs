// CNode: a table of capability slots, the payload of a CNode capability. Its size in RAM is
// SlotCount * 64 bytes (Barrelfish's OBJSIZE_CTE); the slots themselves are kernel (C#) state.
// Locking: the slots are guarded by the owning CapSystem.Lock.
namespace Fast.Os.Capabilities;

public sealed class CNode
{
    readonly Capability?[] slots;   // guarded by CapSystem.Lock

    internal CNode(CapObject obj)
    {
        Object = obj;
        slots = new Capability?[obj.Size / CapTypes.CNodeSlotBytes];
    }

    public CapObject Object { get; }
    public int SlotCount => slots.Length;
    public Capability? this[int index] => (uint)index < (uint)slots.Length ? slots[index] : null;
    public SlotRef Slot(int index) => new(this, index);
    public bool Alive => !Object.destroyed;

    public int FirstFree(int from = 0)
    {
        for (int i = from; i < slots.Length; i++)
            if (slots[i] == null) return i;
        return -1;
    }

    internal void Put(int index, Capability cap)
    {
        slots[index] = cap;
        cap.Node = this;
        cap.SlotIndex = index;
    }

    internal void Clear(int index) => slots[index] = null;

    /// <summary>Checks that count slots from index exist and are empty.</summary>
    internal Err CheckFree(int index, int count)
    {
        if (!Alive) return Err.CapDeleted;
        if (index < 0 || count < 0 || index + (long)count > slots.Length) return Err.SlotOutOfRange;
        for (int i = index; i < index + count; i++)
            if (slots[i] != null) return Err.SlotInUse;
        return Err.Ok;
    }

    internal Capability?[] Snapshot() => (Capability?[])slots.Clone();
}
