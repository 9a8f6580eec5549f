// RegionIl: an ILGenerator for region methods that can also keep the IL as text (fast explain).
// Argument 0 of the method is the Region the delegate is closed over, so the emitters' Ldarg_0
// (the CpuState*) and Ldarg_1 (the entry block's index) are shifted by one here.
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit.Emit;

public sealed class RegionIl(ILGenerator g, bool keep)
{
    readonly StringBuilder? text = keep ? new StringBuilder() : null;
    readonly Dictionary<Label, string>? names = keep ? new() : null;   // (only for listings: a framework generic over a struct)
    public string? Listing => text?.ToString();
    /// <summary>IL bytes emitted so far (FAST_JIT_STATS=2 reports it per region).</summary>
    public int Size => g.ILOffset;
    public int Locals { get; private set; }
    /// <summary>Per direct exit (link slot), the PC it leaves to.</summary>
    public readonly PcList Exits = new();

    public Label DefineLabel(ulong? pc = null)
    {
        var l = g.DefineLabel();
        if (names is not null) names[l] = pc is ulong p ? $"L_{p:x}" : $"L{names.Count}";
        return l;
    }

    public void Mark(Label l)
    {
        g.MarkLabel(l);
        if (names is not null) text!.Append(names[l]).AppendLine(":");
    }

    public LocalBuilder Local(Type type, string name)
    {
        var local = g.DeclareLocal(type);
        Locals++;
        text?.AppendLine($"  .local {name} = V_{local.LocalIndex}");
        return local;
    }

    public void Comment(ulong pc, in DecodedInstruction inst)
    {
        if (text is null) return;
        string dis = inst.Row < 0 ? $".inst 0x{inst.Word:x8}" : Disassembler.Disassemble(inst.Word, pc);
        text.AppendLine($"  // {pc:x}: {dis}");
    }

    public void Note(string note) => text?.AppendLine($"  // {note}");

    public void Emit(OpCode op)
    {
        if (op == OpCodes.Ldarg_0) op = OpCodes.Ldarg_1;
        else if (op == OpCodes.Ldarg_1) op = OpCodes.Ldarg_2;
        g.Emit(op);
        text?.AppendLine($"    {op.Name}");
    }

    public void Emit(OpCode op, byte v) { g.Emit(op, v); text?.AppendLine($"    {op.Name} {v}"); }
    public void EmitInt(int v) { g.Emit(OpCodes.Ldc_I4, v); text?.AppendLine($"    ldc.i4 {v}"); }
    public void EmitLong(ulong v) { g.Emit(OpCodes.Ldc_I8, unchecked((long)v)); text?.AppendLine($"    ldc.i8 0x{v:x}"); }
    public void Emit(OpCode op, MethodInfo m) { g.Emit(op, m); text?.AppendLine($"    {op.Name} {m.DeclaringType?.Name}.{m.Name}"); }
    public void Emit(OpCode op, Label l) { g.Emit(op, l); text?.AppendLine($"    {op.Name} {names.GetValueOrDefault(l, "?")}"); }
    /// <summary>`tail. calli` of a managed static method with these parameters (the function pointer is on the stack).</summary>
    public void TailCalli(Type returnType, Type[] parameters)
    {
        g.Emit(OpCodes.Tailcall);
        g.EmitCalli(OpCodes.Calli, CallingConventions.Standard, returnType, parameters, null);
        text?.AppendLine($"    tail. calli {returnType.Name}({string.Join(", ", parameters.Select(p => p.Name))})");
    }

    public void Switch(Label[] targets)
    {
        g.Emit(OpCodes.Switch, targets);
        text?.AppendLine($"    switch ({targets.Length} targets)");
    }

    public void Emit(OpCode op, LocalBuilder l) { g.Emit(op, l); text?.AppendLine($"    {op.Name} V_{l.LocalIndex}"); }

}
