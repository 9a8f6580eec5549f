// The A64 encoding table: one Row per instruction, as data (DESIGN.md section 3).
//
// A pattern lists the 32 bits from bit 31 down to bit 0 as space-separated tokens: a token of
// 0/1/x characters is literal bits (x = either), any other token is a named operand field,
// `name` for one bit or `name:width`. For example ADD (immediate):
//
//     "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5"
//
// The field names become the parameter names of the row's semantics and disassembly methods; the
// generated decoder passes them by name, so a field that does not match its handler is a compile
// error. Constraints are data too: Undefined("sf=0 N=1") marks the encodings whose fields match
// every `field=bits` term (bits may contain x) as UNDEFINED, as the ARM ARM's decode pseudocode
// says. Rows may overlap only inside a declared priority group; higher priority decodes first.
namespace Fast.Translator.Table;

public enum Feature
{
    Base,
    /// <summary>FEAT_LSE: CAS, CASP, SWP and the LD&lt;op&gt; atomics.</summary>
    Lse,
    /// <summary>FEAT_CRC32.</summary>
    Crc32,
    Fp,
    AdvSimd,
    Aes,
    Sha1,
    Sha256,
    Pmull,
}

/// <summary>What executing the row does to control flow.</summary>
public enum Control
{
    /// <summary>Falls through to the next instruction; the semantics never writes PC.</summary>
    None,
    /// <summary>Ends a decoded block; the semantics sets PC to the next instruction on every path.</summary>
    EndsBlock,
}

public sealed class Row
{
    public string Name { get; }
    public string Pattern { get; }
    public Feature Feature { get; }
    public Control Control { get; private set; }
    public uint Mask { get; }
    public uint Value { get; }
    public IReadOnlyList<Field> Fields { get; }
    public List<(uint Mask, uint Value, string Text)> UndefinedWhen { get; } = new();
    public string? PriorityGroup { get; private set; }
    public int Priority { get; private set; }
    /// <summary>The ARM ARM section heading the row sits under (set by the row's group).</summary>
    public string Section { get; internal set; } = "";
    public string Group { get; internal set; } = "";

    public Row(string name, string pattern, Feature feature = Feature.Base)
    {
        Name = name;
        Pattern = pattern;
        Feature = feature;
        (Mask, Value, Fields) = PatternParser.Parse(name, pattern);
    }

    public Row EndsBlock()
    {
        Control = Control.EndsBlock;
        return this;
    }

    /// <summary>Marks as UNDEFINED the encodings whose fields match every `field=bits` term.</summary>
    public Row Undefined(string terms)
    {
        uint mask = Mask, value = Value;
        foreach (var term in terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split('=');
            if (parts.Length != 2) throw new TableException($"{Name}: bad constraint term '{term}'");
            var field = Fields.FirstOrDefault(f => f.Name == parts[0])
                ?? throw new TableException($"{Name}: constraint names unknown field '{parts[0]}'");
            if (parts[1].Length != field.Width) throw new TableException($"{Name}: '{term}' has {parts[1].Length} bits, field {field.Name} has {field.Width}");
            for (int i = 0; i < field.Width; i++)
            {
                char ch = parts[1][field.Width - 1 - i];
                if (ch == 'x') continue;
                if (ch != '0' && ch != '1') throw new TableException($"{Name}: bad bit '{ch}' in '{term}'");
                uint bit = 1u << (field.Low + i);
                mask |= bit;
                if (ch == '1') value |= bit;
            }
        }
        UndefinedWhen.Add((mask, value, terms));
        return this;
    }

    /// <summary>Lets this row overlap others of the same group; higher priority decodes first.</summary>
    public Row InPriorityGroup(string group, int priority)
    {
        PriorityGroup = group;
        Priority = priority;
        return this;
    }

    public bool Matches(uint word) => (word & Mask) == Value;

    public bool IsUndefined(uint word)
    {
        foreach (var (m, v, _) in UndefinedWhen)
            if ((word & m) == v) return true;
        return false;
    }

    public override string ToString() => $"{Name} [{Pattern}]";
}

public sealed record Field(string Name, int Low, int Width)
{
    /// <summary>The field's bits of an instruction word.</summary>
    public uint ValueIn(uint word) => (word >> Low) & (uint)((1UL << Width) - 1);
}

public sealed class TableException(string message) : Exception(message);

/// <summary>Marks a static class holding rows: its Rows property, and the ARM ARM section they come from.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RowGroupAttribute(string section) : Attribute
{
    public string Section { get; } = section;
}
