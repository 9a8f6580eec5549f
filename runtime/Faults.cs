// The vocabulary of guest exceptions, shared by the MMU, the translator and every IGuestOs.
// Syndrome values follow ESR_EL1 (ARM ARM D17.2.37): EC in bits 31..26, IL in bit 25, ISS below.
namespace Fast.Runtime;

public enum AccessKind : byte { Read, Write, Execute }

/// <summary>Why a translation failed (the DFSC/IFSC groups of ARM ARM D17.2.37).</summary>
public enum FaultKind : byte
{
    None,
    Translation,
    AddressSize,
    AccessFlag,
    Permission,
    Alignment,
    /// <summary>The physical address is neither RAM nor a device: a synchronous external abort.</summary>
    External,
}

public enum ExceptionKind : byte
{
    Svc,
    Brk,
    /// <summary>HLT with halting debug disabled: an undefined instruction with its own kind so the OS can tell.</summary>
    Hlt,
    Undefined,
    InstructionAbort,
    DataAbort,
    PcAlignment,
    SpAlignment,
}

/// <summary>How the vCPU continues after the OS handled an exception.</summary>
public enum Resume : byte
{
    /// <summary>Continue at CpuState.PC (the OS may have changed it and any other state).</summary>
    Continue,
    /// <summary>Aborts only: the OS repaired the mapping; retry the access where it stopped.</summary>
    Retry,
    /// <summary>Stop this vCPU; the run loop returns.</summary>
    Halt,
}

/// <summary>One synchronous exception as the OS sees it.</summary>
public readonly record struct GuestException(
    ExceptionKind Kind,
    uint Syndrome,
    ulong Pc,
    ulong FaultAddress = 0,
    FaultKind Fault = FaultKind.None,
    AccessKind Access = AccessKind.Read,
    int Level = 0)
{
    public uint ExceptionClass => Syndrome >> 26;

    public override string ToString() => Kind switch
    {
        ExceptionKind.DataAbort or ExceptionKind.InstructionAbort =>
            $"{Kind} at pc=0x{Pc:x}: {Fault} fault (level {Level}) on {Access} of 0x{FaultAddress:x}",
        _ => $"{Kind} at pc=0x{Pc:x} (ESR 0x{Syndrome:x8})",
    };
}

/// <summary>Builds ESR_EL1 values (ARM ARM D17.2.37) for exceptions taken from EL0 to EL1.</summary>
public static class Syndrome
{
    public const uint EcUnknown = 0x00, EcSvc64 = 0x15, EcInstructionAbortLowerEl = 0x20, EcPcAlignment = 0x22,
        EcDataAbortLowerEl = 0x24, EcSpAlignment = 0x26, EcBrk64 = 0x3C;
    const uint Il = 1u << 25;

    public static uint Make(uint ec, uint iss) => (ec << 26) | Il | (iss & 0x1FFFFFF);
    public static uint Svc(uint imm16) => Make(EcSvc64, imm16);
    public static uint Brk(uint imm16) => Make(EcBrk64, imm16);
    public static uint Unknown() => Make(EcUnknown, 0);

    /// <summary>The fault status code (DFSC/IFSC) for a fault at a translation level.</summary>
    public static uint FaultStatus(FaultKind kind, int level) => kind switch
    {
        FaultKind.AddressSize => 0b000000u | (uint)level,
        FaultKind.Translation => 0b000100u | (uint)level,
        FaultKind.AccessFlag => 0b001000u | (uint)level,
        FaultKind.Permission => 0b001100u | (uint)level,
        FaultKind.Alignment => 0b100001u,
        FaultKind.External => 0b010000u,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static uint DataAbort(FaultKind kind, int level, bool write) =>
        Make(EcDataAbortLowerEl, FaultStatus(kind, level) | (write ? 1u << 6 : 0));

    public static uint InstructionAbort(FaultKind kind, int level) => Make(EcInstructionAbortLowerEl, FaultStatus(kind, level));
}

/// <summary>
/// Thrown by the runtime to abandon the current guest instruction after the OS redirected the
/// vCPU (a signal, a kill, an exec). The execution engine catches it at the block boundary and
/// continues at CpuState.PC. Never escapes a vCPU's run loop.
/// </summary>
public sealed class GuestRedirectException : Exception
{
    public static readonly GuestRedirectException Instance = new();
    GuestRedirectException() : base("guest control flow redirected by the OS") { }
}

/// <summary>
/// Thrown by TakeAbort when compiled code holds guest registers in locals and the OS cannot repair
/// the abort in place: the region catches it, writes its registers back to CpuState and leaves with
/// PC at the faulting instruction, which the interpreter then re-executes (taking the abort with
/// the full state). Never escapes a compiled region.
/// </summary>
public sealed class RegisterSyncException : Exception
{
    public static readonly RegisterSyncException Instance = new();
    RegisterSyncException() : base("compiled code must write its registers back before the OS sees this abort") { }
}
