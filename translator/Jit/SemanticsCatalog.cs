// SemanticsCatalog: for each encoding-table row, the semantics method the generated decoder calls
// and how to compute each of its arguments from an instruction word. Tier 1 emits direct calls
// to these methods with the fields as constants, so RyuJIT inlines the semantics and folds the
// register numbers: the same code the interpreter runs, specialised per instruction.
using System.Reflection;
using Fast.Translator.Table;

namespace Fast.Translator.Jit;

public sealed class SemanticsCatalog
{
    public sealed record Entry(MethodInfo Method, Field[] Arguments);

    public static SemanticsCatalog Instance { get; } = new();

    readonly Entry?[] entries;
    readonly Assembly assembly = typeof(SemanticsCatalog).Assembly;

    SemanticsCatalog()
    {
        entries = new Entry?[GeneratedShapes.Shapes.Length];
    }

    /// <summary>The row's method and arguments, looked up at the first use of the row: reflection over
    /// every row up front took 11-18 ms, ahead of the first region a process compiled.</summary>
    public Entry this[int row] => entries[row] ??= Find(row);

    Entry Find(int index)
    {
        var row = RowShape.Of(index);
        var type = assembly.GetType($"Fast.Translator.Semantics.{row.Group}")
            ?? throw new InvalidOperationException($"no semantics class for group {row.Group}");
        var method = type.GetMethod(row.Name, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"no semantics method {row.Group}.{row.Name}");
        var parameters = method.GetParameters();
        var args = new Field[parameters.Length - 1];
        for (int p = 1; p < parameters.Length; p++)
            args[p - 1] = row.Field(parameters[p].Name!);
        return new Entry(method, args);
    }

}
