// IDevice: the whole contract of a memory-mapped device (Renode-style peripherals).
namespace Fast.Runtime;

public interface IDevice
{
    string Name { get; }
    /// <summary>Reads size bytes (1, 2, 4 or 8) at offset within the device's range.</summary>
    ulong Read(ulong offset, int size);
    void Write(ulong offset, int size, ulong value);
    void Reset();
}
