// Disassembler: the text of any A64 word, from the same table rows the decoder uses.
namespace Fast.Translator;

public static unsafe class Disassembler
{
    /// <summary>objdump-style text for word at pc; UNDEFINED words read ".inst 0x........ ; undefined".</summary>
    public static string Disassemble(uint word, ulong pc = 0)
    {
        int row = Decoder.Decode(word);
        if (row == Decoder.Undefined) return $".inst\t0x{word:x8} ; undefined";
        return Decoder.Rows[row].Disassemble(pc, word);
    }

    /// <summary>The table row's name for word, or null if UNDEFINED.</summary>
    public static string? RowName(uint word)
    {
        int row = Decoder.Decode(word);
        return row == Decoder.Undefined ? null : Decoder.Rows[row].Name;
    }
}
