// Disassembly of data-processing (3 source) in objdump's syntax: with Ra = 31 the multiply-adds
// print as mul, mneg, smull, smnegl, umull and umnegl.
namespace Fast.Translator.Disassembly;

public static class DataProcessingRegister3Source
{
    static string Same(string mnemonic, string alias, uint sf, uint Rd, uint Rn, uint Rm, uint Ra) => Ra == 31
        ? $"{alias}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}"
        : $"{mnemonic}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}, {Fmt.R(sf, Ra)}";

    static string Long(string mnemonic, string alias, uint Rd, uint Rn, uint Rm, uint Ra) => Ra == 31
        ? $"{alias}\t{Fmt.X(Rd)}, {Fmt.W(Rn)}, {Fmt.W(Rm)}"
        : $"{mnemonic}\t{Fmt.X(Rd)}, {Fmt.W(Rn)}, {Fmt.W(Rm)}, {Fmt.X(Ra)}";

    public static string MADD(ulong pc, uint sf, uint Rm, uint Ra, uint Rn, uint Rd) => Same("madd", "mul", sf, Rd, Rn, Rm, Ra);
    public static string MSUB(ulong pc, uint sf, uint Rm, uint Ra, uint Rn, uint Rd) => Same("msub", "mneg", sf, Rd, Rn, Rm, Ra);
    public static string SMADDL(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => Long("smaddl", "smull", Rd, Rn, Rm, Ra);
    public static string SMSUBL(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => Long("smsubl", "smnegl", Rd, Rn, Rm, Ra);
    public static string UMADDL(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => Long("umaddl", "umull", Rd, Rn, Rm, Ra);
    public static string UMSUBL(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => Long("umsubl", "umnegl", Rd, Rn, Rm, Ra);
    public static string SMULH(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => $"smulh\t{Fmt.X(Rd)}, {Fmt.X(Rn)}, {Fmt.X(Rm)}";
    public static string UMULH(ulong pc, uint Rm, uint Ra, uint Rn, uint Rd) => $"umulh\t{Fmt.X(Rd)}, {Fmt.X(Rn)}, {Fmt.X(Rm)}";
}
