// GuestHarness: a one-vCPU machine with the interpreter and TestOs, for instruction-level tests.
//
//   using var h = new GuestHarness();
//   h.SetX(1, 3); h.SetX(2, 4);
//   h.Run(0x8B020020);          // ADD X0, X1, X2
//   Assert.Equal(7UL, h.X(0));
//
// Run places the words at CodeBase followed by BRK #0xF00D, runs until an exception halts the
// vCPU, and (by default) asserts that it was that final BRK, so a test cannot pass by faulting.
// The MMU is off (VA = PA) unless a test builds page tables with PageTableBuilder.
using Fast.Runtime;

namespace Fast.Tests.Support;

public sealed unsafe class GuestHarness : IDisposable
{
    public const ulong CodeBase = 0x10000;
    public const ulong DataBase = 0x100000;
    public const uint EndMarker = 0xD43E01A0; // BRK #0xF00D

    public Machine Machine { get; }
    public Vcpu Cpu { get; }
    public CpuState* State => Cpu.State;
    public TestOs Os { get; } = new();
    public Fast.Translator.Interpreter.Interpreter Engine { get; }
    public Fast.Translator.Jit.TierUpQueue? TierUp { get; }

    /// <param name="tier1Threshold">If set, blocks entered this many times are compiled to IL (tier 1).</param>
    /// <param name="synchronousTier1">The vCPU compiles each region itself when it forms it (FAST_JIT_SYNC=1).</param>
    public GuestHarness(ulong ramSize = 64UL << 20, int? tier1Threshold = null, bool synchronousTier1 = false, bool followLeafCalls = true)
    {
        if (tier1Threshold is int threshold) TierUp = new Fast.Translator.Jit.TierUpQueue { Synchronous = synchronousTier1 };
        Engine = new Fast.Translator.Interpreter.Interpreter { TierUp = TierUp, TierUpThreshold = tier1Threshold ?? 64, FollowLeafCalls = followLeafCalls };
        Machine = new Machine(ramSize, Engine, Os);
        Cpu = Machine.AddVcpu();
        State->Control = CpuControl.None;
    }

    public ulong X(int n) => State->X[n];
    public void SetX(int n, ulong value) => State->X[n] = value;
    public ulong SP { get => State->SP; set => State->SP = value; }
    public ulong PC { get => State->PC; set => State->PC = value; }
    public ulong Nzcv { get => State->Nzcv; set => State->Nzcv = value; }
    public string Flags => $"{((Nzcv >> 31) & 1) switch { 1 => "N", _ => "n" }}{((Nzcv >> 30) & 1) switch { 1 => "Z", _ => "z" }}{((Nzcv >> 29) & 1) switch { 1 => "C", _ => "c" }}{((Nzcv >> 28) & 1) switch { 1 => "V", _ => "v" }}";

    /// <summary>Writes words from the host side and drops every translation (host writes bypass the TLB).</summary>
    public void Load(ulong address, params uint[] words)
    {
        Engine.InvalidateAll();
        for (int i = 0; i < words.Length; i++) WriteMemory(address + (ulong)i * 4, BitConverter.GetBytes(words[i]));
    }

    /// <summary>Runs words at CodeBase then BRK #0xF00D; asserts the run reached that BRK.</summary>
    public void Run(params uint[] words)
    {
        RunRaw(words);
        var last = Os.Last;
        Assert.True(last is { Kind: ExceptionKind.Brk } && last.Value.Pc == CodeBase + (ulong)words.Length * 4,
            $"expected to reach the end marker, got {last}");
    }

    /// <summary>Runs words at CodeBase then BRK #0xF00D, stopping at the first exception, whatever it is.</summary>
    public GuestException? RunRaw(params uint[] words)
    {
        Load(CodeBase, [.. words, EndMarker]);
        Os.Exceptions.Clear();
        PC = CodeBase;
        Cpu.Run(1_000_000);
        return Os.Last;
    }

    public void WriteMemory(ulong pa, ReadOnlySpan<byte> bytes) => bytes.CopyTo(Machine.Ram.Span(pa, bytes.Length));
    public byte[] ReadMemory(ulong pa, int length) => Machine.Ram.Span(pa, length).ToArray();
    public ulong Read64(ulong pa) => Machine.Ram.Read64(pa);
    public void Write64(ulong pa, ulong value) => Machine.Ram.Write64(pa, value);

    public void Dispose()
    {
        TierUp?.Dispose();
        Machine.Dispose();
    }
}
