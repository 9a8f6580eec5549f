// IGuestOs: the plug-in contract between the machine and the operating system it runs.
//
// The CPU never learns which OS it runs. Every synchronous exception from EL0 (SVC, BRK, HLT,
// undefined instructions, instruction and data aborts, PC and SP alignment faults) and every
// interrupt reaches the OS through these two calls, on the vCPU's own thread, with the vCPU's
// state readable and writable through Vcpu.State. The return value says how the vCPU resumes.
namespace Fast.Runtime;

public interface IGuestOs
{
    /// <summary>
    /// A synchronous exception. CpuState.PC holds the preferred return address (the next instruction
    /// for SVC, the faulting instruction otherwise), as ELR_EL1 would.
    /// </summary>
    Resume OnException(Vcpu cpu, in GuestException exception);

    /// <summary>
    /// An abort raised while tier-1 code holds guest registers in its own locals (CpuState's copy
    /// is stale): the OS may only repair it in place (lazy allocation, copy-on-write) without
    /// looking at registers. Returns true when it did; otherwise the engine writes its registers
    /// back and re-executes the instruction, and OnException then sees the full state.
    /// </summary>
    bool TryRepairAbort(Vcpu cpu, in GuestException exception) => false;

    /// <summary>An asynchronous interrupt: bits of InterruptBits that were pending.</summary>
    Resume OnInterrupt(Vcpu cpu, int pending);
}

/// <summary>
/// Runs guest code on a vCPU. The translator implements it (interpreter, IL tier); the runtime
/// only calls it. Run returns when CpuState.ExitReason is set (halt, interrupt, budget spent).
/// </summary>
public interface IExecutionEngine
{
    /// <summary>Executes at most budget guest instructions, stopping early at an exit reason.</summary>
    void Run(Vcpu cpu, long budget);

    /// <summary>Drops every translation of code on a guest physical page (it is being written).</summary>
    void InvalidateCodePage(ulong physicalPage);

    /// <summary>Drops every translation (execve, a whole address space replaced).</summary>
    void InvalidateAll();
}
