// Operand formatting for the system instructions: hint names, barrier options, system register
// and system operation names (tables in Fmt.SystemNames.cs), as objdump prints them.
namespace Fast.Translator.Disassembly;

public static partial class Fmt
{
    static readonly Lazy<Dictionary<uint, string>> systemRegisters = new(() => ParseTable(SystemRegisterTable));
    static readonly Lazy<Dictionary<uint, string>> systemOperations = new(() => ParseTable(SystemOperationTable));

    static Dictionary<uint, string> ParseTable(string table)
    {
        var result = new Dictionary<uint, string>();
        foreach (var entry in table.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = entry.IndexOf('=');
            result[Convert.ToUInt32(entry[..eq], 16)] = entry[(eq + 1)..];
        }
        return result;
    }

    /// <summary>The name of system register op0=2+o0, op1, CRn, CRm, op2, or its generic s3_.. form.</summary>
    public static string SystemRegister(uint o0, uint op1, uint CRn, uint CRm, uint op2, bool write)
    {
        uint key = (o0 << 14) | (op1 << 11) | (CRn << 7) | (CRm << 3) | op2;
        if (write && key == 0x1828) return "dbgdtrtx_el0";   // shares its encoding with DBGDTRRX_EL0
        return systemRegisters.Value.TryGetValue(key, out var name) ? name : $"s{2 + o0}_{op1}_c{CRn}_c{CRm}_{op2}";
    }

    /// <summary>SYS with op1, CRn, CRm, op2 and Rt: "dc\tzva, x0", "ic\tiallu" or "sys\t#3, C7, C5, #1, x0".</summary>
    public static string SystemOperation(uint op1, uint CRn, uint CRm, uint op2, uint Rt)
    {
        uint key = (op1 << 11) | (CRn << 7) | (CRm << 3) | op2;
        if (systemOperations.Value.TryGetValue(key, out var name))
        {
            bool noRegister = name.EndsWith('!');
            string text = (noRegister ? name[..^1] : name).Replace('.', '\t');
            return noRegister ? text : $"{text}, {X(Rt)}";
        }
        string operands = $"#{op1}, C{CRn}, C{CRm}, #{op2}";
        return Rt == 31 ? $"sys\t{operands}" : $"sys\t{operands}, {X(Rt)}";
    }

    static readonly string?[] hintNames = BuildHintNames();

    static string?[] BuildHintNames()
    {
        var names = new string?[128];
        names[0] = "nop"; names[1] = "yield"; names[2] = "wfe"; names[3] = "wfi"; names[4] = "sev"; names[5] = "sevl";
        names[7] = "xpaclri"; names[8] = "pacia1716"; names[10] = "pacib1716"; names[12] = "autia1716"; names[14] = "autib1716";
        names[16] = "esb"; names[17] = "psb\tcsync"; names[18] = "tsb\tcsync"; names[20] = "csdb"; names[22] = "clearbhb";
        names[24] = "paciaz"; names[25] = "paciasp"; names[26] = "pacibz"; names[27] = "pacibsp";
        names[28] = "autiaz"; names[29] = "autiasp"; names[30] = "autibz"; names[31] = "autibsp";
        names[32] = "bti"; names[34] = "bti\tc"; names[36] = "bti\tj"; names[38] = "bti\tjc";
        return names;
    }

    /// <summary>HINT #(CRm:op2) by objdump's name for it, or "hint\t#0x..".</summary>
    public static string HintName(uint CRm, uint op2)
    {
        uint imm = (CRm << 3) | op2;
        return hintNames[imm] ?? $"hint\t{Hex(imm)}";
    }

    static readonly string?[] barrierOptions =
        [null, "oshld", "oshst", "osh", null, "nshld", "nshst", "nsh", null, "ishld", "ishst", "ish", null, "ld", "st", "sy"];

    /// <summary>A DMB/DSB option: its name, or #0x0N for the reserved values.</summary>
    public static string BarrierOption(uint CRm) => barrierOptions[CRm & 15] ?? $"#0x{CRm:x2}";
}
