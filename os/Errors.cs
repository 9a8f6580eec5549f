// Err: every error the kernel can report, declared once as C# data (Barrelfish's errno.fugu idea
// without its toolchain). Each code carries its message in an [Msg] attribute; groups are numbered
// by subsystem (1xx capabilities, 2xx memory manager and slab, 3xx paging, 4xx address spaces) so a
// code alone says where it came from. Kernel operations return Err (Ok = 0) and hand results back
// through out parameters, as errval_t does; callers that prefer exceptions use ThrowIfFailed.
using System.Reflection;

namespace Fast.Os;

[AttributeUsage(AttributeTargets.Field)]
public sealed class MsgAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

public enum Err : ushort
{
    [Msg("success")] Ok = 0,

    // ---- capabilities (SYS_ERR_* of errno.fugu) ----
    [Msg("capability address does not resolve to a slot")] InvalidCPtr = 100,
    [Msg("slot index is outside the CNode")] SlotOutOfRange,
    [Msg("slot is empty")] SlotEmpty,
    [Msg("destination slot is occupied")] SlotInUse,
    [Msg("capability is not a CNode")] NotACNode,
    [Msg("capability has the wrong type for this operation")] WrongCapType,
    [Msg("the source type cannot be retyped into the requested type")] IllegalRetype,
    [Msg("retype range overlaps an existing descendant: revoke first")] RetypeOverlap,
    [Msg("retype range exceeds the source capability")] RetypeOutOfBounds,
    [Msg("object size violates the type's size rule")] InvalidObjectSize,
    [Msg("retype offset is not page aligned")] InvalidOffset,
    [Msg("object count must be at least one")] InvalidCount,
    [Msg("a badge can only be set on an endpoint")] BadgeNotAllowed,
    [Msg("the endpoint is already badged")] AlreadyBadged,
    [Msg("the capability has been deleted")] CapDeleted,
    [Msg("the capability lacks the rights for this operation")] InsufficientRights,
    [Msg("this type cannot be created as an original capability")] NotOriginalType,
    [Msg("the capability names kernel state and cannot be relayed to another core")] NotRelayable,

    // ---- memory manager and slab (MM_ERR_*) ----
    [Msg("out of memory")] OutOfMemory = 200,
    [Msg("alignment must be a power of two and at least 4 KiB")] BadAlignment,
    [Msg("size must be positive")] InvalidSize,
    [Msg("memory was already freed")] DoubleFree,
    [Msg("memory was not allocated by this allocator")] NotAllocated,
    [Msg("the physical range is empty or outside managed memory")] InvalidRange,
    [Msg("the RAM capability overlaps memory already managed")] RamOverlap,
    [Msg("the RAM capability already has descendants")] RamInUse,
    [Msg("slab object size must be between 8 bytes and half a slab")] InvalidSlabObjectSize,

    // ---- paging (LIB_ERR_PMAP_* / SYS_ERR_VNODE_*) ----
    [Msg("virtual address or size is not page aligned")] VaNotAligned = 300,
    [Msg("virtual address is outside the 48-bit user range")] VaOutOfRange,
    [Msg("a page in the range is already mapped")] AlreadyMapped,
    [Msg("nothing is mapped there")] NotMapped,
    [Msg("the source cannot be mapped into a VNode of this level")] VNodeLevelMismatch,
    [Msg("the capability type cannot be mapped")] NotMappable,
    [Msg("mapping exceeds the frame or the table")] MappingOutOfBounds,
    [Msg("a mapping must be readable")] MappingNotReadable,

    // ---- address spaces ----
    [Msg("the region overlaps an existing region")] RegionOverlap = 400,
    [Msg("no region contains the address")] NoRegion,
    [Msg("no free virtual range of that size")] NoVaSpace,
}

public static class Errors
{
    static readonly Dictionary<Err, string> messages = typeof(Err)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(f => (Err)f.GetValue(null)!, f => f.GetCustomAttribute<MsgAttribute>()?.Text ?? f.Name);

    public static string Message(this Err e) => messages.TryGetValue(e, out var m) ? m : $"error {(int)e}";

    public static bool Ok(this Err e) => e == Err.Ok;

    public static void ThrowIfFailed(this Err e)
    {
        if (e != Err.Ok) throw new OsException(e);
    }
}

public sealed class OsException(Err code) : Exception($"{code}: {code.Message()}")
{
    public Err Code { get; } = code;
}
