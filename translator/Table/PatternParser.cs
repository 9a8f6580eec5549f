// Parses a row's bit pattern (see Row) into a mask, a value and the operand fields.
namespace Fast.Translator.Table;

static class PatternParser
{
    public static (uint Mask, uint Value, IReadOnlyList<Field> Fields) Parse(string name, string pattern)
    {
        uint mask = 0, value = 0;
        var fields = new List<Field>();
        int bit = 32;
        foreach (var token in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.All(ch => ch is '0' or '1' or 'x'))
            {
                foreach (char ch in token)
                {
                    bit--;
                    if (bit < 0) break;
                    if (ch == 'x') continue;
                    mask |= 1u << bit;
                    if (ch == '1') value |= 1u << bit;
                }
                continue;
            }
            var parts = token.Split(':');
            int width = parts.Length == 2 && int.TryParse(parts[1], out var w) ? w : parts.Length == 1 ? 1 : -1;
            if (width <= 0 || !IsIdentifier(parts[0])) throw new TableException($"{name}: bad pattern token '{token}'");
            if (fields.Any(f => f.Name == parts[0])) throw new TableException($"{name}: field '{parts[0]}' appears twice");
            bit -= width;
            if (bit < 0) break;
            fields.Add(new Field(parts[0], bit, width));
        }
        if (bit != 0) throw new TableException($"{name}: pattern '{pattern}' has {32 - bit} bits, not 32");
        return (mask, value, fields);
    }

    static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsLetterOrDigit(ch) || ch == '_');
}
