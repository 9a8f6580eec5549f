using System.Text;
using Fast.Runtime;

namespace Fast.Tests.Runtime;

public class Latin1TextTests
{
    [Theory]
    [InlineData("plain ascii")]
    [InlineData("héllo wörld")]            // two-byte sequences
    [InlineData("€ 中文 ﻿")]                // three-byte sequences (and U+FEFF)
    [InlineData("😀 𝄞 a😀")]                // surrogate pairs: four-byte sequences
    [InlineData("\uD800 lone \uDC00 \uDBFF")]   // lone surrogates: U+FFFD, as Encoding.UTF8
    [InlineData("end \uD83D")]             // a high surrogate at the very end
    [InlineData("\u007F\u0080\u07FF\u0800\uFFFF")]   // the edges between sequence lengths
    public void FromUtf16GivesTheUtf8BytesOneCharPerByte(string text)
    {
        string bytes = Latin1Text.FromUtf16(text);
        Assert.Equal(Encoding.UTF8.GetBytes(text), Latin1Text.GetBytes(bytes));
        Assert.All(bytes, c => Assert.True(c <= 0xFF));
    }

    [Fact]
    public void FromUtf16AgreesWithEncodingUtf8OnRandomText()
    {
        var random = new Random(1234);
        for (int n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = random.Next(4) switch { 0 => (char)random.Next(0x80), 1 => (char)random.Next(0xD800, 0xE000), _ => (char)random.Next(0x10000) };
            string text = new(chars);
            Assert.Equal(Encoding.UTF8.GetBytes(text), Latin1Text.GetBytes(Latin1Text.FromUtf16(text)));
        }
    }

    [Fact]
    public void AsciiComesBackAsTheSameString()
    {
        string s = "/usr/bin/env";
        Assert.Same(s, Latin1Text.FromUtf16(s));
    }
}
