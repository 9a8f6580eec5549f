// GenericTimer: the EL0-visible part of the ARM generic timer (ARM ARM D11): CNTFRQ_EL0 and a
// virtual count CNTVCT_EL0 derived from the host's monotonic clock at a fixed frequency.
using System.Diagnostics;

namespace Fast.Runtime;

public static class GenericTimer
{
    /// <summary>CNTFRQ_EL0: 62.5 MHz, the value QEMU's virt machine reports.</summary>
    public const ulong Frequency = 62_500_000;

    static readonly long start = Stopwatch.GetTimestamp();

    /// <summary>CNTVCT_EL0: ticks of Frequency since the machine started.</summary>
    public static ulong VirtualCount()
    {
        long origin = start;   // read first: the first read runs the static initializer
        long elapsed = Stopwatch.GetTimestamp() - origin;
        return (ulong)((UInt128)(ulong)elapsed * Frequency / (ulong)Stopwatch.Frequency);
    }
}
