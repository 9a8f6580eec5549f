// Latin1Text: strings <-> guest bytes, one char per byte, as Encoding.Latin1 converts them (a char
// above 0xFF becomes '?'), by plain loops: Encoding.Latin1's vectorised helpers are not precompiled
// for this host's instruction set and were JIT-compiled at every start-up (5 methods).
namespace Fast.Os;

public static class Latin1Text
{
    public static byte[] GetBytes(string s)
    {
        var bytes = new byte[s.Length];
        GetBytes(s, bytes);
        return bytes;
    }

    /// <summary>Writes s into bytes (at least s.Length long); returns s.Length.</summary>
    public static int GetBytes(ReadOnlySpan<char> s, Span<byte> bytes)
    {
        for (int i = 0; i < s.Length; i++) bytes[i] = s[i] <= 0xFF ? (byte)s[i] : (byte)'?';
        return s.Length;
    }

    public static string GetString(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }
}
