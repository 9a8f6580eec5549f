// Cryptographic extension (ARM ARM C4.1 "Cryptographic AES", "Cryptographic three-register SHA",
// "Cryptographic two-register SHA"): FEAT_AES, FEAT_SHA1, FEAT_SHA256.
namespace Fast.Translator.Table.Rows;

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Cryptographic AES")]
public static class CryptoAes
{
    static Row R(string name, string opcode) => new Row(name, $"01001110 00 10100 {opcode} 10 Rn:5 Rd:5", Feature.Aes);

    public static Row[] Rows =>
    [
        R("AESE", "00100"), R("AESD", "00101"), R("AESMC", "00110"), R("AESIMC", "00111"),   // C7.2 AESE / AESD / AESMC / AESIMC
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Cryptographic three-register SHA")]
public static class CryptoSha3
{
    static Row R(string name, string opcode, Feature f) => new Row(name, $"01011110 00 0 Rm:5 0 {opcode} 00 Rn:5 Rd:5", f);

    public static Row[] Rows =>
    [
        R("SHA1C", "000", Feature.Sha1), R("SHA1P", "001", Feature.Sha1), R("SHA1M", "010", Feature.Sha1), R("SHA1SU0", "011", Feature.Sha1),
        R("SHA256H", "100", Feature.Sha256), R("SHA256H2", "101", Feature.Sha256), R("SHA256SU1", "110", Feature.Sha256),
    ];
}

[RowGroup("C4.1 Data Processing -- Scalar Floating-Point and Advanced SIMD: Cryptographic two-register SHA")]
public static class CryptoSha2
{
    static Row R(string name, string opcode, Feature f) => new Row(name, $"01011110 00 10100 {opcode} 10 Rn:5 Rd:5", f);

    public static Row[] Rows =>
    [
        R("SHA1H", "00000", Feature.Sha1), R("SHA1SU1", "00001", Feature.Sha1), R("SHA256SU0", "00010", Feature.Sha256),
    ];
}
