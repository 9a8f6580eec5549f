// Capability types, declared once as data: what each type may be retyped into, whether and where
// it can be mapped, how big its objects may be, and whether the kernel creates it as an original
// (the root of a derivation tree) at boot. Everything else (retype checks, map checks, mint
// rules, tests) reads this table; nothing repeats it. Barrelfish keeps the same facts in caps.hl.
namespace Fast.Os.Capabilities;

public enum CapType : byte
{
    Null,
    /// <summary>Untyped physical memory: retyped into everything that needs memory.</summary>
    Ram,
    /// <summary>Mappable RAM, zeroed on retype.</summary>
    Frame,
    /// <summary>Mappable device memory (MMIO); an original made by the kernel at boot.</summary>
    DevFrame,
    /// <summary>A table of capability slots (64 bytes of RAM per slot).</summary>
    CNode,
    VNodeL0,
    VNodeL1,
    VNodeL2,
    VNodeL3,
    /// <summary>The kernel's record of one thread of execution.</summary>
    Dispatcher,
    /// <summary>An LMP endpoint: a badged reference to a dispatcher (no memory of its own).</summary>
    Endpoint,
    /// <summary>The right to receive one interrupt; Base holds the interrupt number.</summary>
    Irq,
}

[Flags]
public enum CapRights : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
    Grant = 8,
    Identify = 16,
    All = Read | Write | Execute | Grant | Identify,
}

public enum SizeRule : byte
{
    /// <summary>The object holds no memory (size 0, or an interrupt number).</summary>
    NoMemory,
    /// <summary>Any positive multiple of 4 KiB.</summary>
    PageMultiple,
    /// <summary>A power of two, at least FixedSize.</summary>
    PowerOfTwo,
    /// <summary>Exactly FixedSize bytes.</summary>
    Fixed,
}

/// <param name="MapsInto">The VNode type this type is mapped into, or Null if it is not mappable.</param>
/// <param name="Original">The kernel creates it from nothing at boot (a derivation-tree root).</param>
public sealed record CapTypeInfo(CapType Type, SizeRule Size, ulong FixedSize, CapType[] RetypeInto, CapType MapsInto,
    bool Original, bool ZeroOnRetype, string Description)
{
    public bool Mappable => MapsInto != CapType.Null;
    public bool HasMemory => Size != SizeRule.NoMemory;
}

public static class CapTypes
{
    public const ulong PageSize = 4096;
    public const ulong CNodeSlotBytes = 64;
    public const ulong DispatcherSize = 1024;

    // (Declared before table, whose initialiser uses it. Not []: Array.Empty<CapType> is JIT-compiled at every start.)
    static readonly CapType[] None = new CapType[0];

    static readonly CapTypeInfo[] table =
    [
        new(CapType.Null, SizeRule.NoMemory, 0, None, CapType.Null, false, false, "empty slot"),
        new(CapType.Ram, SizeRule.PageMultiple, PageSize,
            [CapType.Ram, CapType.Frame, CapType.CNode, CapType.VNodeL0, CapType.VNodeL1, CapType.VNodeL2, CapType.VNodeL3, CapType.Dispatcher],
            CapType.Null, true, false, "untyped RAM"),
        new(CapType.Frame, SizeRule.PageMultiple, PageSize, [CapType.Frame], CapType.VNodeL3, false, true, "mappable RAM"),
        new(CapType.DevFrame, SizeRule.PageMultiple, PageSize, [CapType.DevFrame], CapType.VNodeL3, true, false, "mappable device memory"),
        new(CapType.CNode, SizeRule.PowerOfTwo, PageSize, None, CapType.Null, false, true, "capability slots"),
        new(CapType.VNodeL0, SizeRule.Fixed, PageSize, None, CapType.Null, false, true, "level-0 page table"),
        new(CapType.VNodeL1, SizeRule.Fixed, PageSize, None, CapType.VNodeL0, false, true, "level-1 page table"),
        new(CapType.VNodeL2, SizeRule.Fixed, PageSize, None, CapType.VNodeL1, false, true, "level-2 page table"),
        new(CapType.VNodeL3, SizeRule.Fixed, PageSize, None, CapType.VNodeL2, false, true, "level-3 page table"),
        new(CapType.Dispatcher, SizeRule.Fixed, DispatcherSize, [CapType.Endpoint], CapType.Null, false, true, "dispatcher"),
        new(CapType.Endpoint, SizeRule.NoMemory, 0, None, CapType.Null, false, false, "LMP endpoint"),
        new(CapType.Irq, SizeRule.NoMemory, 0, None, CapType.Null, true, false, "interrupt line"),
    ];

    static CapTypes()
    {
        for (int i = 0; i < table.Length; i++)
            if ((int)table[i].Type != i) throw new InvalidOperationException($"capability table row {i} is {table[i].Type}");
    }

    public static IReadOnlyList<CapTypeInfo> All => table;

    public static CapTypeInfo Info(this CapType type) => table[(int)type];

    public static bool CanRetypeInto(this CapType from, CapType to)
    {
        foreach (var t in table[(int)from].RetypeInto) if (t == to) return true;   // a loop: Array.IndexOf over an enum is JIT-compiled at start-up
        return false;
    }

    public static bool IsVNode(this CapType t) => t is >= CapType.VNodeL0 and <= CapType.VNodeL3;

    /// <summary>0..3 for VNodes.</summary>
    public static int VNodeLevel(this CapType t) => t.IsVNode() ? t - CapType.VNodeL0 : throw new ArgumentException($"{t} is not a VNode");

    public static CapType VNodeOfLevel(int level) => (CapType)((int)CapType.VNodeL0 + level);

    /// <summary>Checks one object's size against the type's size rule.</summary>
    public static Err CheckObjectSize(this CapType type, ulong size)
    {
        var info = type.Info();
        bool ok = info.Size switch
        {
            SizeRule.NoMemory => size == 0,
            SizeRule.PageMultiple => size > 0 && size % PageSize == 0,
            SizeRule.PowerOfTwo => size >= info.FixedSize && ulong.IsPow2(size),
            SizeRule.Fixed => size == info.FixedSize,
            _ => false,
        };
        return ok ? Err.Ok : Err.InvalidObjectSize;
    }
}
