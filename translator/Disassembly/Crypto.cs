// Disassembly of the cryptographic-extension rows.
namespace Fast.Translator.Disassembly;

public static class CryptoAes
{
    public static string AESE(ulong pc, uint Rn, uint Rd) => $"aese\tv{Rd}.16b, v{Rn}.16b";
    public static string AESD(ulong pc, uint Rn, uint Rd) => $"aesd\tv{Rd}.16b, v{Rn}.16b";
    public static string AESMC(ulong pc, uint Rn, uint Rd) => $"aesmc\tv{Rd}.16b, v{Rn}.16b";
    public static string AESIMC(ulong pc, uint Rn, uint Rd) => $"aesimc\tv{Rd}.16b, v{Rn}.16b";
}

public static class CryptoSha3
{
    public static string SHA1C(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha1c\tq{Rd}, s{Rn}, v{Rm}.4s";
    public static string SHA1P(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha1p\tq{Rd}, s{Rn}, v{Rm}.4s";
    public static string SHA1M(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha1m\tq{Rd}, s{Rn}, v{Rm}.4s";
    public static string SHA1SU0(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha1su0\tv{Rd}.4s, v{Rn}.4s, v{Rm}.4s";
    public static string SHA256H(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha256h\tq{Rd}, q{Rn}, v{Rm}.4s";
    public static string SHA256H2(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha256h2\tq{Rd}, q{Rn}, v{Rm}.4s";
    public static string SHA256SU1(ulong pc, uint Rm, uint Rn, uint Rd) => $"sha256su1\tv{Rd}.4s, v{Rn}.4s, v{Rm}.4s";
}

public static class CryptoSha2
{
    public static string SHA1H(ulong pc, uint Rn, uint Rd) => $"sha1h\ts{Rd}, s{Rn}";
    public static string SHA1SU1(ulong pc, uint Rn, uint Rd) => $"sha1su1\tv{Rd}.4s, v{Rn}.4s";
    public static string SHA256SU0(ulong pc, uint Rn, uint Rd) => $"sha256su0\tv{Rd}.4s, v{Rn}.4s";
}
