// BareMachine: one vCPU, the interpreter, and an OS that halts on any exception — the smallest
// set-up in which guest code runs, for micro-benchmarks (no kernel, MMU off unless asked).
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Perf.Micro;

public sealed unsafe class BareMachine : IDisposable
{
    public const ulong CodeBase = 0x10000;
    public const ulong DataBase = 0x200000;

    sealed class HaltingOs : IGuestOs
    {
        public Resume OnException(Vcpu cpu, in GuestException exception) => Resume.Halt;
        public Resume OnInterrupt(Vcpu cpu, int pending) => Resume.Continue;
    }

    public Machine Machine { get; }
    public Vcpu Cpu { get; }
    public Interpreter Engine { get; } = new();
    public CpuState* State => Cpu.State;

    public BareMachine(ulong ramSize = 32UL << 20)
    {
        Machine = new Machine(ramSize, Engine, new HaltingOs());
        Cpu = Machine.AddVcpu();
    }

    public void Load(ulong address, uint[] words)
    {
        var span = Machine.Ram.Span(address, words.Length * 4);
        for (int i = 0; i < words.Length; i++) BitConverter.TryWriteBytes(span[(i * 4)..], words[i]);
    }

    /// <summary>Runs from pc until the guest halts; returns guest instructions retired.</summary>
    public ulong RunFrom(ulong pc)
    {
        ulong before = State->Retired;
        State->PC = pc;
        Cpu.Run();
        return State->Retired - before;
    }

    public void Dispose() => Machine.Dispose();
}
