// SyscallContext: what a system-call handler sees — the calling thread, its process, its
// registers, and the kernel. Arguments are X0..X5; the result goes back in X0. A handler
// returns the result (>= 0, or -errno), or Syscall.Blocked after parking the thread (the call
// re-executes when the thread runs again), or Syscall.NoReturn when it has set the registers
// itself (exit, execve, rt_sigreturn).
using Fast.Os.Kernel;
using Fast.Os.Process;
using Fast.Runtime;

namespace Fast.Os.Linux.Syscalls;

public sealed unsafe class SyscallContext
{
    public required FastOs Os { get; init; }
    public required Vcpu Cpu { get; init; }
    public required Core Core { get; init; }
    public required GuestThread Thread { get; init; }
    public required GuestProcess Process { get; init; }
    public int Number { get; init; }

    public CpuState* State => Cpu.State;
    public UserMemory User => Process.User;
    public KernelServices Kernel => Os.Kernel;

    public ulong Arg(int i) => State->X[i];
    public int IntArg(int i) => (int)State->X[i];
    public long LongArg(int i) => (long)State->X[i];
}

public static class Syscall
{
    public const long Blocked = long.MinValue;
    public const long NoReturn = long.MinValue + 1;
}

/// <summary>Declares a handler: the AArch64 syscall number and its argument names for --strace.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SyscallAttribute(int number, string arguments = "") : Attribute
{
    public int Number { get; } = number;
    /// <summary>Comma-separated argument names; "path", "name", "filename" and "*str" print as strings.</summary>
    public string Arguments { get; } = arguments;
}
