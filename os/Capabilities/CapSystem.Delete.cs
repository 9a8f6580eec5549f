// CapSystem, part two: delete and revoke, and the cascade of cleanup they start.
// Every method here runs under Lock. Removal is idempotent (a capability already deleted is
// skipped), because a cascade may meet the same capability twice: a CNode being destroyed can
// hold a copy of an object that the same revoke is already destroying.
using Fast.Os.Paging;

namespace Fast.Os.Capabilities;

public sealed partial class CapSystem
{
    /// <summary>Deletes one copy. The last copy's deletion destroys the object (its range becomes
    /// free for retype once nothing derived from it remains).</summary>
    public Err Delete(Capability cap)
    {
        NoteCaller();
        lock (Lock)
        {
            if (cap.Deleted) return Err.CapDeleted;
            RemoveCap(cap);
            return Err.Ok;
        }
    }

    /// <summary>Deletes every other copy of cap's object and every descendant; cap itself stays.</summary>
    public Err Revoke(Capability cap) => Revoke(cap, null);

    /// <summary>Revoke, listing the ids of relayed descendants it destroyed (their copies on other cores must go too).</summary>
    Err Revoke(Capability cap, List<(int, ulong, bool)>? relayed)
    {
        lock (Lock)
        {
            if (cap.Deleted) return Err.CapDeleted;
            var obj = cap.Object;
            foreach (var other in obj.copies.ToArray())
                if (other != cap) RemoveCap(other);
            foreach (var child in obj.ChildArray())
            {
                if (relayed != null) CollectRelayed(child, relayed);
                DestroySubtree(child);
            }
            return Err.Ok;
        }
    }

    /// <summary>Destroys an object with all its copies and descendants (the memory manager's free).</summary>
    internal void DestroyObject(CapObject obj)
    {
        lock (Lock) DestroySubtree(obj);
    }

    void DestroySubtree(CapObject obj)
    {
        foreach (var child in obj.ChildArray()) DestroySubtree(child);
        foreach (var cap in obj.copies.ToArray()) RemoveCap(cap);
        if (obj.copies.Count == 0) Unlink(obj);   // a ghost whose children just went
    }

    void RemoveCap(Capability cap)
    {
        if (cap.Deleted) return;
        cap.Deleted = true;
        if (cap.Node is { } node && node[cap.SlotIndex] == cap) node.Clear(cap.SlotIndex);
        PageTables.RemoveMappingsOf(this, cap);
        var obj = cap.Object;
        obj.copies.Remove(cap);
        if (obj.copies.Count > 0) return;
        if (!obj.destroyed)
        {
            obj.destroyed = true;
            DestroyPayload(obj);
        }
        Unlink(obj);
    }

    void DestroyPayload(CapObject obj)
    {
        switch (obj.Payload)
        {
            case CNode cnode:
                foreach (var c in cnode.Snapshot())
                    if (c != null) RemoveCap(c);
                break;
            case VNode vnode:
                PageTables.ClearTable(this, vnode);
                break;
        }
    }

    /// <summary>Removes copy-less, child-less objects no other core holds from the tree, climbing through ghosts.</summary>
    void Unlink(CapObject obj)
    {
        while (obj.copies.Count == 0 && obj.ChildCount == 0 && obj.relaysOutTotal == 0)
        {
            Forget(obj);   // its relay ids; a foreign object reports itself dropped to its owner
            var p = obj.parent;
            if (p == null)
            {
                roots.Remove(obj);
                return;
            }
            p.RemoveChild(obj);
            obj = p;
        }
    }
}
