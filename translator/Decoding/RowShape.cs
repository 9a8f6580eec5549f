// RowShape: what tier 1 needs of an encoding-table row (its group, name and fields), generated into
// GeneratedShapes.Shapes by translator/Generator. Loading Table.EncodingTable itself (every
// [RowGroup] class found by reflection, every pattern parsed) took ~8 ms, and the first region a
// program compiled paid it while its hot loop ran in the interpreter.
using Fast.Translator.Table;

namespace Fast.Translator;

public sealed class RowShape(string group, string name, Field[] fields)
{
    public string Group { get; } = group;
    public string Name { get; } = name;
    public Field[] Fields { get; } = fields;

    public static RowShape Of(int row) => GeneratedShapes.Shapes[row];

    /// <summary>The field called name (an encoding's fields are few: a linear search).</summary>
    public Field Field(string name)
    {
        foreach (var f in Fields) if (f.Name == name) return f;
        throw new KeyNotFoundException($"{Name} has no field {name}");
    }
}
