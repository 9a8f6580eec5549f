// Disassembly of data-processing (2 source) and (1 source) in objdump's syntax; the variable shifts
// print as their preferred aliases lsl, lsr, asr and ror.
namespace Fast.Translator.Disassembly;

public static class DataProcessingRegister
{
    static string Three(string mnemonic, uint sf, uint Rd, uint Rn, uint Rm) =>
        $"{mnemonic}\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}, {Fmt.R(sf, Rm)}";

    public static string UDIV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("udiv", sf, Rd, Rn, Rm);
    public static string SDIV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("sdiv", sf, Rd, Rn, Rm);
    public static string LSLV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("lsl", sf, Rd, Rn, Rm);
    public static string LSRV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("lsr", sf, Rd, Rn, Rm);
    public static string ASRV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("asr", sf, Rd, Rn, Rm);
    public static string RORV(ulong pc, uint sf, uint Rm, uint Rn, uint Rd) => Three("ror", sf, Rd, Rn, Rm);

    static readonly string[] crcSuffix = ["b", "h", "w", "x"];

    public static string CRC32(ulong pc, uint sf, uint Rm, uint sz, uint Rn, uint Rd) =>
        $"crc32{crcSuffix[sz]}\t{Fmt.W(Rd)}, {Fmt.W(Rn)}, {Fmt.R(sf, Rm)}";

    public static string CRC32C(ulong pc, uint sf, uint Rm, uint sz, uint Rn, uint Rd) =>
        $"crc32c{crcSuffix[sz]}\t{Fmt.W(Rd)}, {Fmt.W(Rn)}, {Fmt.R(sf, Rm)}";

    public static string RBIT(ulong pc, uint sf, uint Rn, uint Rd) => $"rbit\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}";
    public static string REV16(ulong pc, uint sf, uint Rn, uint Rd) => $"rev16\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}";
    public static string REV32(ulong pc, uint Rn, uint Rd) => $"rev32\t{Fmt.X(Rd)}, {Fmt.X(Rn)}";
    public static string REV(ulong pc, uint sf, uint opc0, uint Rn, uint Rd) => $"rev\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}";
    public static string CLZ(ulong pc, uint sf, uint Rn, uint Rd) => $"clz\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}";
    public static string CLS(ulong pc, uint sf, uint Rn, uint Rd) => $"cls\t{Fmt.R(sf, Rd)}, {Fmt.R(sf, Rn)}";
}
