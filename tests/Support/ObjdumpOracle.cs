// ObjdumpOracle: GNU objdump as the reference for the disassembler.
//
//   var mismatches = ObjdumpOracle.Compare(words);   // our text vs objdump's, word by word
//   Assert.True(mismatches.Count == 0, ObjdumpOracle.Report(mismatches));
//
// The words are written as `.inst` lines into a temporary .s file, assembled with
// aarch64-linux-gnu-as and disassembled with aarch64-linux-gnu-objdump -d -z; word i sits at address
// 4 * i, which is the pc our disassembler is given. objdump's lines are normalised the way the
// disassembler's contract says (Fmt.Target): a target "<hex> <symbol>" becomes "0x<hex>", and
// trailing spaces go. Work is done in batches (BatchSize words per objdump run). If the tools are
// missing, the calls fail with a message saying so, never silently pass.
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Fast.Translator;

namespace Fast.Tests.Support;

public static partial class ObjdumpOracle
{
    public const string Assembler = "aarch64-linux-gnu-as";
    public const string Objdump = "aarch64-linux-gnu-objdump";
    public const int BatchSize = 50_000;

    public sealed record Mismatch(uint Word, ulong Pc, string Expected, string Actual)
    {
        public override string ToString() => $"0x{Word:x8} @0x{Pc:x}: objdump \"{Escape(Expected)}\", ours \"{Escape(Actual)}\" ({Disassembler.RowName(Word) ?? "UNDEFINED"})";
        static string Escape(string s) => s.Replace("\t", "\\t");
    }

    /// <summary>objdump's normalised text for each word, word i assembled at address 4 * i.</summary>
    public static string[] Disassemble(IReadOnlyList<uint> words)
    {
        var result = new string[words.Count];
        for (int start = 0; start < words.Count; start += BatchSize)
        {
            int count = Math.Min(BatchSize, words.Count - start);
            var batch = DisassembleBatch(words, start, count);
            Array.Copy(batch, 0, result, start, count);
        }
        return result;
    }

    /// <summary>Disassembles every word with both objdump and Disassembler; returns the differences.</summary>
    public static List<Mismatch> Compare(IReadOnlyList<uint> words)
    {
        var expected = Disassemble(words);
        var mismatches = new List<Mismatch>();
        for (int i = 0; i < words.Count; i++)
        {
            ulong pc = (ulong)(i % BatchSize) * 4;
            string actual = Disassembler.Disassemble(words[i], pc).TrimEnd();
            if (actual != expected[i]) mismatches.Add(new Mismatch(words[i], pc, expected[i], actual));
        }
        return mismatches;
    }

    /// <summary>A readable summary: the count and the first few mismatches, one per row name first.</summary>
    public static string Report(List<Mismatch> mismatches, int max = 40)
    {
        var sb = new StringBuilder($"{mismatches.Count} words disassemble differently from objdump:\n");
        var firstPerRow = mismatches.GroupBy(m => Disassembler.RowName(m.Word) ?? "UNDEFINED").Select(g => g.First());
        foreach (var m in firstPerRow.Concat(mismatches).Distinct().Take(max)) sb.AppendLine(m.ToString());
        return sb.ToString();
    }

    static string[] DisassembleBatch(IReadOnlyList<uint> words, int start, int count)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fast-objdump-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string source = Path.Combine(dir, "words.s"), obj = Path.Combine(dir, "words.o");
            var sb = new StringBuilder(count * 20);
            sb.Append("\t.text\n");
            for (int i = 0; i < count; i++) sb.Append("\t.inst 0x").Append(words[start + i].ToString("x8")).Append('\n');
            File.WriteAllText(source, sb.ToString());
            RunTool(Assembler, ["-o", obj, source]);
            string listing = RunTool(Objdump, ["-d", "-z", "--no-show-raw-insn", obj]);
            return Parse(listing, count);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Picks "addr:\ttext" lines out of an objdump -d listing, indexed by address / 4.</summary>
    static string[] Parse(string listing, int count)
    {
        var result = new string[count];
        foreach (var rawLine in listing.Split('\n'))
        {
            var m = LineRegex().Match(rawLine);
            if (!m.Success) continue;
            long index = Convert.ToInt64(m.Groups[1].Value, 16) / 4;
            if (index >= count) continue;
            result[index] = Normalise(m.Groups[2].Value);
        }
        for (int i = 0; i < count; i++)
            if (result[i] is null) throw new InvalidOperationException($"objdump printed no line for word {i} of the batch");
        return result;
    }

    /// <summary>objdump text as the disassembler's contract has it: "hex &lt;sym&gt;" becomes "0xhex".</summary>
    public static string Normalise(string text) => TargetRegex().Replace(text, "0x$1").TrimEnd();

    static string RunTool(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{tool} is not installed (or not on PATH): the objdump oracle needs GNU binutils for aarch64 " +
                $"(Debian: apt-get install binutils-aarch64-linux-gnu). {e.Message}", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
            return stdout;
        }
    }

    [GeneratedRegex(@"^\s*([0-9a-f]+):\t(.*)$")]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"\b([0-9a-f]+) <[^>\n]*>")]
    private static partial Regex TargetRegex();
}
