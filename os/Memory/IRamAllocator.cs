using Fast.Os.Capabilities;

namespace Fast.Os.Memory;

/// <summary>Where kernel code gets RAM capabilities from (the memory manager, or a test double).</summary>
public interface IRamAllocator
{
    /// <summary>A kernel-held RAM capability of at least size bytes, aligned to alignment.</summary>
    Err Alloc(ulong size, ulong alignment, out Capability ram);

    /// <summary>Returns RAM: the capability, its copies and everything derived from it are deleted.</summary>
    Err Free(Capability ram);
}
