// Disassembly of the exception-generating instructions, in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class ExceptionGeneration
{
    public static string SVC(ulong pc, uint imm16) => $"svc\t{Fmt.Hex(imm16)}";
    public static string BRK(ulong pc, uint imm16) => $"brk\t{Fmt.Hex(imm16)}";
    public static string HLT(ulong pc, uint imm16) => $"hlt\t{Fmt.Hex(imm16)}";
    public static string UDF(ulong pc, uint imm16) => $"udf\t#{imm16}";
}
