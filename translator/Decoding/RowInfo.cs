// RowInfo: what the runtime keeps of one encoding-table row (emitted by the generator).
using Fast.Runtime;
using Fast.Translator.Table;

namespace Fast.Translator;

public readonly unsafe struct UndefinedClause(uint mask, uint value)
{
    public readonly uint Mask = mask;
    public readonly uint Value = value;
}

public readonly unsafe struct RowInfo(
    string name, uint mask, uint value, UndefinedClause[] undefined, bool endsBlock, bool accessesMemory, string? priorityGroup, int priority,
    Feature feature, delegate*<CpuState*, uint, void> execute, delegate*<ulong, uint, string> disassemble)
{
    /// <summary>No Undefined clauses (an array of our own: Array.Empty of a struct of ours is JIT-compiled at start-up).</summary>
    public static readonly UndefinedClause[] NoClauses = new UndefinedClause[0];

    public readonly string Name = name;
    public readonly uint Mask = mask;
    public readonly uint Value = value;
    public readonly UndefinedClause[] Undefined = undefined;
    public readonly bool EndsBlock = endsBlock;
    /// <summary>A load or store (its group is one of the ARM ARM's load/store classes).</summary>
    public readonly bool AccessesMemory = accessesMemory;
    public readonly string? PriorityGroup = priorityGroup;
    public readonly int Priority = priority;
    public readonly Feature Feature = feature;
    public readonly delegate*<CpuState*, uint, void> Execute = execute;
    public readonly delegate*<ulong, uint, string> Disassemble = disassemble;

    public bool IsUndefined(uint word)
    {
        foreach (var u in Undefined)
            if ((word & u.Mask) == u.Value) return true;
        return false;
    }
}
