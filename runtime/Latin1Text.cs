// Latin1Text: byte strings. A guest's strings (paths, arguments, the environment, names) are bytes
// with no encoding of their own; Fast carries them as .NET strings of one char per byte, so any
// byte string round-trips. GetBytes and GetString convert as Encoding.Latin1 does (a char above
// 0xFF becomes '?'), by plain loops: Encoding.Latin1's vectorised helpers are not precompiled for
// this host's instruction set and were JIT-compiled at every start-up (5 methods).
//
// Strings that come from the .NET runtime instead (the command line, host paths it returns) were
// decoded from the host's UTF-8; FromUtf16 turns one back into the byte string it came from. It is
// a loop of Fast's own: Encoding.UTF8's first call costs ~0.3 ms of type loading at start-up.
namespace Fast.Runtime;

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

    /// <summary>True when every byte is ASCII (where Latin-1 and UTF-8 decode alike).</summary>
    public static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) if (b >= 0x80) return false;
        return true;
    }

    /// <summary>
    /// A string the runtime decoded from the host's UTF-8 (a command-line argument, a host path) as
    /// the byte string it came from: its UTF-8 encoding, one char per byte. ASCII comes back as is;
    /// a lone surrogate (which no UTF-8 decodes to) becomes U+FFFD, as with Encoding.UTF8.
    /// </summary>
    public static string FromUtf16(string s)
    {
        int i = 0;
        while (i < s.Length && s[i] < 0x80) i++;
        if (i == s.Length) return s;
        var chars = new char[i + 3 * (s.Length - i)];   // (a char takes at most 3 bytes; a pair 4 for 2 chars)
        s.AsSpan(0, i).CopyTo(chars);
        int n = i;
        for (; i < s.Length; i++)
        {
            int c = s[i];
            if (c < 0x80) { chars[n++] = (char)c; continue; }
            if (c < 0x800)
            {
                chars[n++] = (char)(0xC0 | c >> 6);
                chars[n++] = (char)(0x80 | c & 0x3F);
                continue;
            }
            if (char.IsHighSurrogate((char)c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int scalar = char.ConvertToUtf32((char)c, s[++i]);
                chars[n++] = (char)(0xF0 | scalar >> 18);
                chars[n++] = (char)(0x80 | scalar >> 12 & 0x3F);
                chars[n++] = (char)(0x80 | scalar >> 6 & 0x3F);
                chars[n++] = (char)(0x80 | scalar & 0x3F);
                continue;
            }
            if (char.IsSurrogate((char)c)) c = 0xFFFD;
            chars[n++] = (char)(0xE0 | c >> 12);
            chars[n++] = (char)(0x80 | c >> 6 & 0x3F);
            chars[n++] = (char)(0x80 | c & 0x3F);
        }
        return new string(chars, 0, n);
    }
}
