// DifftestOs: the IGuestOs of the differential tester — records the first exception and halts
// the vCPU on every exception, so a case ends exactly where Unicorn's hooks stop it.
using Fast.Runtime;

namespace Fast.Cli.Difftest;

public sealed class DifftestOs : IGuestOs
{
    public GuestException? First { get; private set; }

    public void Clear() => First = null;

    public Resume OnException(Vcpu cpu, in GuestException exception)
    {
        First ??= exception;
        return Resume.Halt;
    }

    public Resume OnInterrupt(Vcpu cpu, int pending) => Resume.Continue;
}
