// Exception-generating instructions (ARM ARM C6.2: SVC, BRK, HLT, UDF) and the UNDEFINED path.
// Each ends its block: the semantics hands the exception to the OS with the preferred return
// address the architecture defines (D1.10.1), and the OS decides where the vCPU continues.
using Fast.Runtime;

namespace Fast.Translator.Semantics;

public static unsafe class ExceptionGeneration
{
    public static void SVC(CpuState* c, uint imm16)
    {
        ulong next = c->PC + 4;
        Vcpu.FromState(c).TakeException(new GuestException(ExceptionKind.Svc, Syndrome.Svc(imm16), next));
    }

    public static void BRK(CpuState* c, uint imm16) =>
        Vcpu.FromState(c).TakeException(new GuestException(ExceptionKind.Brk, Syndrome.Brk(imm16), c->PC));

    public static void HLT(CpuState* c, uint imm16) =>
        Vcpu.FromState(c).TakeException(new GuestException(ExceptionKind.Hlt, Syndrome.Unknown(), c->PC));

    public static void UDF(CpuState* c, uint imm16) => Undefined(c, 0);

    /// <summary>Any UNDEFINED encoding: an Unknown-reason exception (EC 0) at the instruction.</summary>
    public static void Undefined(CpuState* c, uint word) =>
        Vcpu.FromState(c).TakeException(new GuestException(ExceptionKind.Undefined, Syndrome.Unknown(), c->PC));
}
