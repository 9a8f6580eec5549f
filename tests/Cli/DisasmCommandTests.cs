using System.CommandLine;
using System.Text.RegularExpressions;
using Fast.Cli.Commands;
using Fast.Tests.Runtime;

namespace Fast.Tests.Cli;

public class DisasmCommandTests
{
    static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = new DisasmCommand().Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }

    [Fact]
    public void DisassemblesHexWords()
    {
        var (exit, output, _) = Invoke("--hex", "d503201f", "0x14000002", "D65F03C0", "--address", "0x1000");
        Assert.Equal(0, exit);
        Assert.Equal(
            "    1000:\td503201f\tnop\n" +   // NOP
            "    1004:\t14000002\tb\t0x100c\n" + // B .+8
            "    1008:\td65f03c0\tret\n",    // RET
            output);
    }

    [Fact]
    public void UndefinedWordsPrintAsObjdumpDoes()
    {
        var (exit, output, _) = Invoke("--hex", "ffffffff");
        Assert.Equal(0, exit);
        Assert.Equal("       0:\tffffffff\t.inst\t0xffffffff ; undefined\n", output);
    }

    [Theory]
    [InlineData(new[] { "--hex", "zz" }, 1, "not a hex instruction word")]
    [InlineData(new[] { "--hex", "123456789" }, 1, "wider than 32 bits")]
    [InlineData(new string[0], 2, "give either --hex WORD... or FILE")]
    [InlineData(new[] { "/nonexistent/file" }, 1, "fast disasm:")]
    public void ReportsUsageErrors(string[] args, int code, string message)
    {
        var (exit, _, error) = Invoke(args);
        Assert.Equal(code, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public void RejectsAFileThatIsNotElf()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "#!/bin/sh\n");
            var (exit, _, error) = Invoke(path);
            Assert.Equal(1, exit);
            Assert.Contains("ELF: bad magic", error);
        }
        finally { File.Delete(path); }
    }

    /// <summary>
    /// Every word of the executable sections appears at the address objdump shows it, under the
    /// same function headers (less objdump's synthetic PLT labels); where our table decodes the word, the text matches objdump's up to
    /// the target's symbol annotation (objdump writes "400580 &lt;add&gt;", we write "0x400580 &lt;add&gt;").
    /// </summary>
    [Theory]
    [InlineData("p.static")]
    [InlineData("p.dyn")]
    [InlineData("p.o")]
    public void MatchesObjdumpOnARealFile(string name)
    {
        string path = AArch64Toolchain.PathOf(name);
        var (exit, output, error) = Invoke(path);
        Assert.True(exit == 0, error);
        string objdump = AArch64Toolchain.Run("aarch64-linux-gnu-objdump", $"-d {path}");

        var line = new Regex(@"^\s*([0-9a-f]+):\t([0-9a-f]{8}) ?\t(.*)$");
        var header = new Regex(@"^([0-9a-f]{16}) <(.+)>:$");
        var theirs = new Dictionary<ulong, (uint Word, string Text)>();
        var theirHeaders = new HashSet<string>();
        foreach (var l in objdump.Split('\n'))
        {
            var m = line.Match(l);
            if (m.Success) theirs[Convert.ToUInt64(m.Groups[1].Value, 16)] = (Convert.ToUInt32(m.Groups[2].Value, 16), m.Groups[3].Value);
            var h = header.Match(l);
            if (h.Success) theirHeaders.Add(l);
        }
        int compared = 0, decoded = 0;
        var ourHeaders = new HashSet<string>();
        foreach (var l in output.Split('\n'))
        {
            if (header.IsMatch(l)) { ourHeaders.Add(l); continue; }
            var m = line.Match(l);
            if (!m.Success) continue;
            ulong address = Convert.ToUInt64(m.Groups[1].Value, 16);
            uint word = Convert.ToUInt32(m.Groups[2].Value, 16);
            string text = m.Groups[3].Value;
            if (!theirs.TryGetValue(address, out var expected))
            {
                Assert.True(word == 0, $"objdump has no word at 0x{address:x}"); // objdump elides runs of zeros as "..."
                continue;
            }
            Assert.Equal(expected.Word, word);
            compared++;
            if (text.StartsWith(".inst") || expected.Text.StartsWith(".word")) continue;
            decoded++;
            Assert.Equal(Normalize(expected.Text), Normalize(text));
        }
        Assert.Equal(theirs.Count, compared);
        Assert.True(decoded > 0);
        Assert.Empty(ourHeaders.Except(theirHeaders));
        // objdump also synthesises PLT entry labels (<.plt>, <puts@plt>) that no symbol table holds.
        Assert.All(theirHeaders.Except(ourHeaders), h => Assert.EndsWith("plt>:", h));
    }

    /// <summary>Drops objdump's trailing comments and symbol annotations, and writes targets as 0x.. .</summary>
    static string Normalize(string text)
    {
        int comment = text.IndexOf("  //", StringComparison.Ordinal);
        if (comment >= 0) text = text[..comment];
        int symbol = text.IndexOf(" <", StringComparison.Ordinal);
        if (symbol >= 0) text = text[..symbol];
        return Regex.Replace(text, @"(\t|, )([0-9a-f]+)$", "${1}0x$2").Replace("0x0x", "0x");
    }
}
