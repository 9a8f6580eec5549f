// Machine: guest RAM, devices, the vCPUs, the OS plugged into them and the execution engine.
// Construction wires the pieces; the OS starts vCPU threads (one host thread per vCPU).
namespace Fast.Runtime;

public sealed class Machine : IDisposable
{
    public PhysicalMemory Ram { get; }
    public IGuestOs Os { get => os ?? throw new InvalidOperationException("no OS attached to the machine"); private set => os = value; }
    IGuestOs? os;
    public IExecutionEngine Engine { get; }
    readonly List<Vcpu> vcpus = new();
    readonly object codeLock = new();

    /// <param name="os">The OS; may be attached later with AttachOs when it needs the machine to construct itself.</param>
    public Machine(ulong ramSize, IExecutionEngine engine, IGuestOs? os = null)
    {
        Ram = new PhysicalMemory(ramSize);
        Engine = engine;
        this.os = os;
    }

    public IReadOnlyList<Vcpu> Vcpus => vcpus;

    public Vcpu AddVcpu()
    {
        lock (vcpus)
        {
            var v = new Vcpu(this, vcpus.Count);
            vcpus.Add(v);
            return v;
        }
    }

    /// <summary>Replaces the OS (used once at boot, when the OS needs the machine to construct itself).</summary>
    public void AttachOs(IGuestOs os) => Os = os;

    /// <summary>
    /// Called by the translator when it decodes code on a physical page: from now on writes to the
    /// page go through the slow path of every vCPU, which invalidates the translations.
    /// </summary>
    public void MarkCodePage(ulong physicalAddress)
    {
        ulong page = physicalAddress & ~0xFFFUL;
        if (!Ram.MarkCodePage(page)) return;
        lock (vcpus)
            foreach (var v in vcpus) foreach (var tlb in v.AllTlbs) tlb.RevokeWrite(page);
    }

    /// <summary>A write reached a page holding translated code: drop the translations, then allow writes.</summary>
    public void OnCodePageWritten(ulong physicalPage)
    {
        lock (codeLock)
        {
            if (!Ram.IsCodePage(physicalPage)) return;
            Engine.InvalidateCodePage(physicalPage);
            Ram.ClearCodePage(physicalPage);
        }
    }

    public void Dispose()
    {
        foreach (var v in vcpus) v.Dispose();
        Ram.Dispose();
    }
}
