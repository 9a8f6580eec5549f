// TestOs: the smallest IGuestOs — records every exception and halts the vCPU, unless a test
// installs a handler. Lives in tests/, not os/: the CPU core is tested without the real kernel.
using Fast.Runtime;

namespace Fast.Tests.Support;

public sealed class TestOs : IGuestOs
{
    public List<GuestException> Exceptions { get; } = new();
    public GuestException? Last => Exceptions.Count > 0 ? Exceptions[^1] : null;
    public int Interrupts { get; private set; }

    /// <summary>Optional: decides how to resume; default halts.</summary>
    public Func<Vcpu, GuestException, Resume>? Handler { get; set; }

    public Resume OnException(Vcpu cpu, in GuestException exception)
    {
        Exceptions.Add(exception);
        return Handler?.Invoke(cpu, exception) ?? Resume.Halt;
    }

    public Resume OnInterrupt(Vcpu cpu, int pending)
    {
        Interrupts++;
        return Resume.Continue;
    }
}
