// Cryptographic extension (ARM ARM C7.2 AESE/AESD/AESMC/AESIMC, SHA1*, SHA256*; shared
// pseudocode in shared/functions/crypto). The AES S-boxes are computed from their definition
// (inverse in GF(2^8) followed by the affine map) rather than typed in.
using System.Numerics;
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class CryptoAes
{
    static readonly byte[] sbox = new byte[256], invSbox = new byte[256];

    static CryptoAes()
    {
        for (int x = 0; x < 256; x++)
        {
            byte inv = 0;
            if (x != 0) for (int y = 1; y < 256; y++) if (GfMul((byte)x, (byte)y) == 1) { inv = (byte)y; break; }
            int s = inv ^ Rol8(inv, 1) ^ Rol8(inv, 2) ^ Rol8(inv, 3) ^ Rol8(inv, 4) ^ 0x63;
            sbox[x] = (byte)s;
            invSbox[(byte)s] = (byte)x;
        }

        static int Rol8(int v, int n) => ((v << n) | (v >> (8 - n))) & 0xFF;
    }

    /// <summary>Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.</summary>
    static byte GfMul(byte a, byte b)
    {
        int r = 0, x = a;
        for (int i = 0; i < 8; i++)
        {
            if (((b >> i) & 1) != 0) r ^= x;
            x <<= 1;
            if ((x & 0x100) != 0) x ^= 0x11B;
        }
        return (byte)r;
    }

    static byte[] Bytes(in Vector128Bits v)
    {
        var b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte)Simd.Elem(v, i, 8);
        return b;
    }

    static Vector128Bits FromBytes(byte[] b)
    {
        Vector128Bits v = default;
        for (int i = 0; i < 16; i++) Simd.SetElem(ref v, i, 8, b[i]);
        return v;
    }

    // State byte r + 4c is row r, column c. ShiftRows moves row r left by r columns.
    static byte[] ShiftRows(byte[] s, bool inverse)
    {
        var o = new byte[16];
        for (int r = 0; r < 4; r++)
            for (int col = 0; col < 4; col++)
                o[r + 4 * col] = s[r + 4 * ((inverse ? col - r + 4 : col + r) % 4)];
        return o;
    }

    static byte[] MixColumns(byte[] s, bool inverse)
    {
        byte[] k = inverse ? [0x0E, 0x0B, 0x0D, 0x09] : [0x02, 0x03, 0x01, 0x01];
        var o = new byte[16];
        for (int col = 0; col < 4; col++)
            for (int r = 0; r < 4; r++)
            {
                int acc = 0;
                for (int i = 0; i < 4; i++) acc ^= GfMul(k[(i - r + 4) % 4], s[i + 4 * col]);
                o[r + 4 * col] = (byte)acc;
            }
        return o;
    }

    static void Round(CpuState* c, uint Rn, uint Rd, bool decrypt)
    {
        var d = Simd.Read(c, Rd);
        var n = Simd.Read(c, Rn);
        var state = Bytes(new Vector128Bits { Low = d.Low ^ n.Low, High = d.High ^ n.High });
        state = ShiftRows(state, decrypt);
        var box = decrypt ? invSbox : sbox;
        for (int i = 0; i < 16; i++) state[i] = box[state[i]];
        Simd.Write(c, Rd, FromBytes(state), 1);
    }

    // C7.2 AESE: AESSubBytes(AESShiftRows(Vd EOR Vn)); AESD: the inverse steps.
    public static void AESE(CpuState* c, uint Rn, uint Rd) => Round(c, Rn, Rd, false);
    public static void AESD(CpuState* c, uint Rn, uint Rd) => Round(c, Rn, Rd, true);
    // C7.2 AESMC / AESIMC
    public static void AESMC(CpuState* c, uint Rn, uint Rd) => Simd.Write(c, Rd, FromBytes(MixColumns(Bytes(Simd.Read(c, Rn)), false)), 1);
    public static void AESIMC(CpuState* c, uint Rn, uint Rd) => Simd.Write(c, Rd, FromBytes(MixColumns(Bytes(Simd.Read(c, Rn)), true)), 1);
}

public static unsafe class CryptoSha3
{
    static uint Choose(uint x, uint y, uint z) => ((y ^ z) & x) ^ z;
    static uint Parity(uint x, uint y, uint z) => x ^ y ^ z;
    static uint Majority(uint x, uint y, uint z) => (x & y) | ((x | y) & z);
    static uint W(in Vector128Bits v, int e) => (uint)Simd.Elem(v, e, 32);

    // C7.2 SHA1C / SHA1P / SHA1M: four rounds on the hash state Vd with E = Sn and W = Vm.
    static void Sha1(CpuState* c, uint Rm, uint Rn, uint Rd, delegate*<uint, uint, uint, uint> f)
    {
        var x = Simd.Read(c, Rd);
        uint y = (uint)c->V[Rn * 2];
        var w = Simd.Read(c, Rm);
        for (int e = 0; e < 4; e++)
        {
            uint t = f(W(x, 1), W(x, 2), W(x, 3));
            y = y + BitOperations.RotateLeft(W(x, 0), 5) + t + W(w, e);
            Simd.SetElem(ref x, 1, 32, BitOperations.RotateLeft(W(x, 1), 30));
            // <Y, X> = ROL(Y:X, 32)
            uint top = W(x, 3);
            x = new Vector128Bits { Low = (x.Low << 32) | y, High = (x.High << 32) | (x.Low >> 32) };
            y = top;
        }
        Simd.Write(c, Rd, x, 1);
    }

    public static void SHA1C(CpuState* c, uint Rm, uint Rn, uint Rd) => Sha1(c, Rm, Rn, Rd, &Choose);
    public static void SHA1P(CpuState* c, uint Rm, uint Rn, uint Rd) => Sha1(c, Rm, Rn, Rd, &Parity);
    public static void SHA1M(CpuState* c, uint Rm, uint Rn, uint Rd) => Sha1(c, Rm, Rn, Rd, &Majority);

    // C7.2 SHA1SU0: (Vn<63:0>:Vd<127:64>) EOR Vd EOR Vm.
    public static void SHA1SU0(CpuState* c, uint Rm, uint Rn, uint Rd)
    {
        Vector128Bits d = Simd.Read(c, Rd), n = Simd.Read(c, Rn), m = Simd.Read(c, Rm);
        Simd.Write(c, Rd, new Vector128Bits { Low = d.High ^ d.Low ^ m.Low, High = n.Low ^ d.High ^ m.High }, 1);
    }

    static uint Sigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);
    static uint Sigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    /// <summary>SHA256hash(X, Y, W, part1).</summary>
    static Vector128Bits Sha256Hash(Vector128Bits x, Vector128Bits y, in Vector128Bits w, bool part1)
    {
        for (int e = 0; e < 4; e++)
        {
            uint chs = Choose(W(y, 0), W(y, 1), W(y, 2));
            uint maj = Majority(W(x, 0), W(x, 1), W(x, 2));
            uint t = W(y, 3) + Sigma1(W(y, 0)) + chs + W(w, e);
            Simd.SetElem(ref x, 3, 32, t + W(x, 3));
            Simd.SetElem(ref y, 3, 32, t + Sigma0(W(x, 0)) + maj);
            // <Y, X> = ROL(Y:X, 32)
            uint xTop = W(x, 3), yTop = W(y, 3);
            x = new Vector128Bits { Low = (x.Low << 32) | yTop, High = (x.High << 32) | (x.Low >> 32) };
            y = new Vector128Bits { Low = (y.Low << 32) | xTop, High = (y.High << 32) | (y.Low >> 32) };
        }
        return part1 ? x : y;
    }

    public static void SHA256H(CpuState* c, uint Rm, uint Rn, uint Rd) =>
        Simd.Write(c, Rd, Sha256Hash(Simd.Read(c, Rd), Simd.Read(c, Rn), Simd.Read(c, Rm), true), 1);
    public static void SHA256H2(CpuState* c, uint Rm, uint Rn, uint Rd) =>
        Simd.Write(c, Rd, Sha256Hash(Simd.Read(c, Rn), Simd.Read(c, Rd), Simd.Read(c, Rm), false), 1);

    // C7.2 SHA256SU1
    public static void SHA256SU1(CpuState* c, uint Rm, uint Rn, uint Rd)
    {
        Vector128Bits d = Simd.Read(c, Rd), n = Simd.Read(c, Rn), m = Simd.Read(c, Rm), r = default;
        var t0 = new Vector128Bits { Low = (n.Low >> 32) | (n.High << 32), High = (n.High >> 32) | (m.Low << 32) };
        var t1 = new Vector128Bits { Low = m.High };
        for (int e = 0; e < 4; e++)
        {
            if (e == 2) t1 = new Vector128Bits { Low = r.Low };
            uint elt = W(t1, e & 1);
            elt = BitOperations.RotateRight(elt, 17) ^ BitOperations.RotateRight(elt, 19) ^ (elt >> 10);
            Simd.SetElem(ref r, e, 32, elt + W(d, e) + W(t0, e));
        }
        Simd.Write(c, Rd, r, 1);
    }
}

public static unsafe class CryptoSha2
{
    // C7.2 SHA1H: ROL(Sn, 30).
    public static void SHA1H(CpuState* c, uint Rn, uint Rd) => Fp.FpRegs.Set(c, Rd, BitOperations.RotateLeft((uint)c->V[Rn * 2], 30), 32);

    // C7.2 SHA1SU1
    public static void SHA1SU1(CpuState* c, uint Rn, uint Rd)
    {
        Vector128Bits d = Simd.Read(c, Rd), n = Simd.Read(c, Rn), r = default;
        var t = new Vector128Bits { Low = d.Low ^ ((n.Low >> 32) | (n.High << 32)), High = d.High ^ (n.High >> 32) };
        for (int e = 0; e < 4; e++) Simd.SetElem(ref r, e, 32, BitOperations.RotateLeft((uint)Simd.Elem(t, e, 32), 1));
        Simd.SetElem(ref r, 3, 32, Simd.Elem(r, 3, 32) ^ BitOperations.RotateLeft((uint)Simd.Elem(t, 0, 32), 2));
        Simd.Write(c, Rd, r, 1);
    }

    // C7.2 SHA256SU0
    public static void SHA256SU0(CpuState* c, uint Rn, uint Rd)
    {
        Vector128Bits d = Simd.Read(c, Rd), n = Simd.Read(c, Rn), r = default;
        var t = new Vector128Bits { Low = (d.Low >> 32) | (d.High << 32), High = (d.High >> 32) | (n.Low << 32) };
        for (int e = 0; e < 4; e++)
        {
            uint elt = (uint)Simd.Elem(t, e, 32);
            elt = BitOperations.RotateRight(elt, 7) ^ BitOperations.RotateRight(elt, 18) ^ (elt >> 3);
            Simd.SetElem(ref r, e, 32, elt + (uint)Simd.Elem(d, e, 32));
        }
        Simd.Write(c, Rd, r, 1);
    }
}
