// BlockCompiler: tier 1's code generator. Turns a decoded block into one DynamicMethod
// `void guest!0xPC(CpuState* c)` whose body is, per guest instruction, a store of the
// instruction's PC (semantics read it for PC-relative operands and precise faults) and a
// direct call of the row's semantics method with every field as
// an IL constant. RyuJIT then inlines the semantics (they are AggressiveInlining) and constant-
// folds register numbers into fixed offsets from c. The method is named after the guest code it
// holds, so .NET's JIT events (and PerfView's CPU stacks) show guest addresses.
using System.Reflection.Emit;
using Fast.Runtime;
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

public unsafe delegate void CompiledBlock(CpuState* c);

public static unsafe class BlockCompiler
{
    static readonly int PcOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<CpuState>(nameof(CpuState.PC));

    public static CompiledBlock Compile(DecodedBlock block, string? name = null)
    {
        var method = new DynamicMethod(name ?? $"guest!0x{block.Pc:x}", typeof(void), [typeof(CpuState*)],
            typeof(BlockCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var catalog = SemanticsCatalog.Instance;
        var undefined = typeof(Semantics.ExceptionGeneration).GetMethod(nameof(Semantics.ExceptionGeneration.Undefined))!;

        for (int i = 0; i < block.Count; i++)
        {
            ref DecodedInstruction inst = ref block.Instructions[i];
            ulong pc = block.Pc + (ulong)i * 4;
            StorePc(il, pc);
            il.Emit(OpCodes.Ldarg_0);
            if (inst.Row == Decoder.Undefined)
            {
                il.Emit(OpCodes.Ldc_I4, unchecked((int)inst.Word));
                il.Emit(OpCodes.Call, undefined);
                continue;
            }
            var entry = catalog[inst.Row];
            foreach (var field in entry.Arguments)
                il.Emit(OpCodes.Ldc_I4, unchecked((int)SemanticsCatalog.Extract(field, inst.Word)));
            il.Emit(OpCodes.Call, entry.Method);
        }
        if (!block.EndsWithControl) StorePc(il, block.Pc + (ulong)block.Count * 4);
        il.Emit(OpCodes.Ret);
        return (CompiledBlock)method.CreateDelegate(typeof(CompiledBlock));
    }

    static void StorePc(ILGenerator il, ulong pc)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, PcOffset);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldc_I8, unchecked((long)pc));
        il.Emit(OpCodes.Stind_I8);
    }
}
