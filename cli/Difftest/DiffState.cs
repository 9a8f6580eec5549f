// DiffState: the architectural state one side ended a case with, in one representation for both
// Fast and Unicorn, and the comparator that lists every difference ("X3: fast=.. unicorn=..").
using System.Text;

namespace Fast.Cli.Difftest;

/// <summary>How a case ended, normalised so that both sides can be compared.</summary>
public enum Outcome
{
    /// <summary>All count instructions ran.</summary>
    Completed,
    Svc,
    Brk,
    /// <summary>UNDEFINED, UDF and HLT (halting debug is disabled, so HLT is UNDEFINED: C6.2.135).</summary>
    Undefined,
    DataAbort,
    InstructionAbort,
    PcAlignment,
    SpAlignment,
    /// <summary>Anything else a side reported (its detail is in OutcomeText).</summary>
    Other,
}

public sealed class DiffState
{
    public readonly ulong[] X = new ulong[31];
    public ulong Sp, Pc;
    /// <summary>NZCV in bits 31..28.</summary>
    public ulong Nzcv;
    public readonly ulong[] V = new ulong[64];   // V0..V31, low half then high half
    public ulong Fpcr, Fpsr, Tpidr;
    public Outcome Outcome;
    /// <summary>For aborts: the faulting address (the first inaccessible byte).</summary>
    public ulong FaultAddress;
    /// <summary>For a data abort: whether the access was a write.</summary>
    public bool FaultOnWrite;
    /// <summary>False when the side could not say the address and direction (Unicorn's alignment faults: its interrupt hook runs before FAR/ESR are written).</summary>
    public bool FaultDetailKnown = true;
    public string OutcomeText = "";

    public DiffState Clone()
    {
        var c = new DiffState
        {
            Sp = Sp, Pc = Pc, Nzcv = Nzcv, Fpcr = Fpcr, Fpsr = Fpsr, Tpidr = Tpidr,
            Outcome = Outcome, FaultAddress = FaultAddress, FaultOnWrite = FaultOnWrite, OutcomeText = OutcomeText,
            FaultDetailKnown = FaultDetailKnown,
        };
        X.CopyTo(c.X, 0);
        V.CopyTo(c.V, 0);
        return c;
    }

    public string Describe() => Outcome switch
    {
        Outcome.Completed => "completed",
        Outcome.DataAbort or Outcome.InstructionAbort when !FaultDetailKnown => $"{Outcome} (address not reported)",
        Outcome.DataAbort => $"data abort ({(FaultOnWrite ? "write" : "read")}) at 0x{FaultAddress:x}",
        Outcome.InstructionAbort => $"instruction abort at 0x{FaultAddress:x}",
        Outcome.Other => $"other: {OutcomeText}",
        _ => Outcome.ToString(),
    };

    /// <summary>Every difference between fast and unicorn, one line each (empty when equal).</summary>
    public static List<string> Compare(DiffState fast, DiffState unicorn)
    {
        var d = new List<string>();
        string Hex(ulong v) => $"0x{v:x16}";
        if (fast.Outcome != unicorn.Outcome
            || (fast.Outcome is Outcome.DataAbort or Outcome.InstructionAbort && fast.FaultDetailKnown && unicorn.FaultDetailKnown
                && (fast.FaultAddress != unicorn.FaultAddress || fast.FaultOnWrite != unicorn.FaultOnWrite))
            || (fast.Outcome == Outcome.Other && fast.OutcomeText != unicorn.OutcomeText))
            d.Add($"exception: fast={fast.Describe()} unicorn={unicorn.Describe()}");
        if (fast.Pc != unicorn.Pc) d.Add($"PC: fast={Hex(fast.Pc)} unicorn={Hex(unicorn.Pc)}");
        for (int i = 0; i < 31; i++)
            if (fast.X[i] != unicorn.X[i]) d.Add($"X{i}: fast={Hex(fast.X[i])} unicorn={Hex(unicorn.X[i])}");
        if (fast.Sp != unicorn.Sp) d.Add($"SP: fast={Hex(fast.Sp)} unicorn={Hex(unicorn.Sp)}");
        if (fast.Nzcv != unicorn.Nzcv) d.Add($"NZCV: fast={Flags(fast.Nzcv)} unicorn={Flags(unicorn.Nzcv)}");
        for (int i = 0; i < 32; i++)
            if (fast.V[2 * i] != unicorn.V[2 * i] || fast.V[2 * i + 1] != unicorn.V[2 * i + 1])
                d.Add($"V{i}: fast=0x{fast.V[2 * i + 1]:x16}{fast.V[2 * i]:x16} unicorn=0x{unicorn.V[2 * i + 1]:x16}{unicorn.V[2 * i]:x16}");
        if (fast.Fpcr != unicorn.Fpcr) d.Add($"FPCR: fast=0x{fast.Fpcr:x8} unicorn=0x{unicorn.Fpcr:x8}");
        if (fast.Fpsr != unicorn.Fpsr) d.Add($"FPSR: fast=0x{fast.Fpsr:x8} unicorn=0x{unicorn.Fpsr:x8}");
        if (fast.Tpidr != unicorn.Tpidr) d.Add($"TPIDR_EL0: fast={Hex(fast.Tpidr)} unicorn={Hex(unicorn.Tpidr)}");
        return d;
    }

    public static string Flags(ulong nzcv)
    {
        var s = new StringBuilder(4);
        s.Append((nzcv & (1UL << 31)) != 0 ? 'N' : 'n');
        s.Append((nzcv & (1UL << 30)) != 0 ? 'Z' : 'z');
        s.Append((nzcv & (1UL << 29)) != 0 ? 'C' : 'c');
        s.Append((nzcv & (1UL << 28)) != 0 ? 'V' : 'v');
        return s.ToString();
    }
}
