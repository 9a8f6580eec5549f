// EncodingTable: every row of every [RowGroup] class, with the checks that keep the table sound.
// The generator runs Check() and fails the build on any problem; tests run it too.
using System.Reflection;

namespace Fast.Translator.Table;

public static class EncodingTable
{
    static readonly Lazy<IReadOnlyList<Row>> all = new(Load);

    public static IReadOnlyList<Row> Rows => all.Value;

    static IReadOnlyList<Row> Load()
    {
        var rows = new List<Row>();
        var groups = typeof(EncodingTable).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<RowGroupAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            var section = type.GetCustomAttribute<RowGroupAttribute>()!.Section;
            var prop = type.GetProperty("Rows", BindingFlags.Public | BindingFlags.Static)
                ?? throw new TableException($"{type.Name} has [RowGroup] but no public static Rows");
            foreach (var row in (IEnumerable<Row>)prop.GetValue(null)!)
            {
                row.Section = section;
                row.Group = type.Name;
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>Every problem in the table: duplicate names and overlaps outside a priority group.</summary>
    public static List<string> Check()
    {
        var problems = new List<string>();
        foreach (var dup in Rows.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            problems.Add($"row name {dup.Key} is used {dup.Count()} times");
        problems.AddRange(FindOverlaps().Select(p => $"rows overlap outside a priority group: {p.A} and {p.B} (e.g. 0x{p.Example:x8})"));
        return problems;
    }

    /// <summary>Pairs of rows some word matches both of, unless both are in the same priority group.</summary>
    public static List<(Row A, Row B, uint Example)> FindOverlaps() => FindOverlaps(Rows);

    public static List<(Row A, Row B, uint Example)> FindOverlaps(IReadOnlyList<Row> rows)
    {
        var result = new List<(Row, Row, uint)>();
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = i + 1; j < rows.Count; j++)
            {
                Row a = rows[i], b = rows[j];
                uint common = a.Mask & b.Mask;
                if (((a.Value ^ b.Value) & common) != 0) continue;
                if (a.PriorityGroup is not null && a.PriorityGroup == b.PriorityGroup && a.Priority != b.Priority) continue;
                result.Add((a, b, a.Value | b.Value));
            }
        }
        return result;
    }
}
