// AddressRegions: names the part of a Linux AArch64 user address space a guest address falls in,
// after the layout the OS uses (os/Paging/AddressSpace.cs VaLayout): the null guard below
// mmap_min_addr, the ET_EXEC image and its brk heap low, the PIE image and its heap at
// ELF_ET_DYN_BASE, mmap areas growing down below the stack gap, the main stack at the top, and
// anything beyond the 48-bit user range. Coarse on purpose: the trace does not carry the region
// list, and this is what a reader wants first ("are my faults on the heap or the stack?").
using Fast.Os.Paging;

namespace Fast.Perf.Tracing;

public static class AddressRegions
{
    const ulong UserLimit = 1UL << 48;
    const ulong PieSpan = 4UL << 30;          // the PIE image and its brk heap start within 4 GiB of PieBase
    const ulong StackReach = 128UL << 20;     // the main stack and its guard, generously

    public static string Classify(ulong va)
    {
        if (va < VaLayout.Low) return "null page";
        if (va >= UserLimit) return "outside user space";
        if (va >= VaLayout.StackTop + 0x1000 - StackReach) return "stack";
        if (va < VaLayout.PieBase) return "low image/brk heap";
        if (va < VaLayout.PieBase + PieSpan) return "PIE image/brk heap";
        return "mmap";
    }
}
