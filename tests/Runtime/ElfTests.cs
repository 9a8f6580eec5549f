using System.Buffers.Binary;
using System.Diagnostics;
using Fast.Runtime.Elf;

namespace Fast.Tests.Runtime;

/// <summary>Builds small AArch64 programs with the cross compiler (scripts/ensure-deps.sh installs it), once per test run.</summary>
internal static class AArch64Toolchain
{
    public const string Source = """
        int counter = 3;
        int add(int a, int b) { return a + b + counter; }
        int main(void) { return add(1, 2); }
        """;

    static readonly Lazy<string> directory = new(() =>
    {
        string dir = Directory.CreateTempSubdirectory("fast-elf-").FullName;
        File.WriteAllText(Path.Combine(dir, "p.c"), Source);
        Run("aarch64-linux-gnu-gcc", $"-O1 -o {dir}/p.dyn {dir}/p.c");
        Run("aarch64-linux-gnu-gcc", $"-O1 -static -o {dir}/p.static {dir}/p.c");
        Run("aarch64-linux-gnu-gcc", $"-O1 -c -o {dir}/p.o {dir}/p.c");
        return dir;
    });

    /// <summary>Path of "p.dyn" (PIE, dynamically linked), "p.static" or "p.o" (relocatable).</summary>
    public static string PathOf(string name) => Path.Combine(directory.Value, name);

    public static string Run(string tool, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {arguments} failed: {error}");
        return output.Result;
    }
}

public class ElfTests
{
    static byte[] Bytes(string name) => File.ReadAllBytes(AArch64Toolchain.PathOf(name));

    [Fact]
    public void ReadsADynamicExecutable()
    {
        var elf = ElfFile.Load(AArch64Toolchain.PathOf("p.dyn"));
        Assert.Equal(ElfType.SharedObject, elf.Header.Type); // PIE
        Assert.Equal(ElfConstants.MachineAArch64, elf.Header.Machine);
        Assert.Equal("/lib/ld-linux-aarch64.so.1", elf.Interpreter);
        Assert.Contains(elf.Dynamic, d => d.Tag == 1); // DT_NEEDED
        var loads = elf.LoadSegments.ToList();
        Assert.Equal(2, loads.Count);
        Assert.Single(loads, p => p.IsExecutable);
        var exec = loads.Single(p => p.IsExecutable);
        Assert.InRange(elf.Header.Entry, exec.VirtualAddress, exec.VirtualAddress + exec.MemorySize - 1);
        Assert.True(elf.FindSection(".text")!.IsExecutable);
        Assert.Contains(elf.Symbols, s => s.Table == ".dynsym");
        CrossCheckWithReadelf(elf, "p.dyn");
    }

    [Fact]
    public void ReadsAStaticExecutable()
    {
        var elf = ElfFile.Load(AArch64Toolchain.PathOf("p.static"));
        Assert.Equal(ElfType.Executable, elf.Header.Type);
        Assert.Null(elf.Interpreter);
        Assert.Empty(elf.Dynamic);
        var add = elf.Symbols.Single(s => s.Name == "add");
        Assert.Equal(ElfSymbolType.Func, add.Type);
        Assert.Equal(ElfSymbolBinding.Global, add.Binding);
        Assert.True(add.Size > 0);
        var counter = elf.Symbols.Single(s => s.Name == "counter");
        Assert.Equal(ElfSymbolType.Object, counter.Type);
        Assert.Equal(4UL, counter.Size);
        // The function's bytes are in the executable segment.
        var text = elf.LoadSegments.Single(p => p.IsExecutable && add.Value >= p.VirtualAddress && add.Value < p.VirtualAddress + p.FileSize);
        Assert.Equal(add.Size, (ulong)elf.SegmentData(text)[(int)(add.Value - text.VirtualAddress)..][..(int)add.Size].Length);
        CrossCheckWithReadelf(elf, "p.static");
    }

    [Fact]
    public void ReadsARelocatableObject()
    {
        var elf = ElfFile.Load(AArch64Toolchain.PathOf("p.o"));
        Assert.Equal(ElfType.Relocatable, elf.Header.Type);
        Assert.Empty(elf.ProgramHeaders);
        Assert.Contains(elf.Sections, s => s.Name == ".rela.text" && s.Type == ElfSectionType.Rela);
        var main = elf.Symbols.Single(s => s.Name == "main");
        Assert.Equal(ElfSymbolType.Func, main.Type);
        Assert.Equal(".text", elf.Sections[main.SectionIndex].Name);
        CrossCheckWithReadelf(elf, "p.o");
    }

    /// <summary>Section names and defined function symbols (value, size) agree with readelf's.</summary>
    static void CrossCheckWithReadelf(ElfFile elf, string name)
    {
        string sections = AArch64Toolchain.Run("aarch64-linux-gnu-readelf", $"-SW {AArch64Toolchain.PathOf(name)}");
        var names = sections.Split('\n').Where(l => l.TrimStart().StartsWith('[') && !l.Contains("Nr]"))
            .Select(l => l[(l.IndexOf(']') + 1)..].Trim().Split(' ')[0]).Where(n => n.Length > 0 && n != "NULL").ToList();
        Assert.Equal(names, elf.Sections.Skip(1).Select(s => s.Name).ToList());

        string symbols = AArch64Toolchain.Run("aarch64-linux-gnu-readelf", $"-sW {AArch64Toolchain.PathOf(name)}");
        var functions = symbols.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 8 && f[3] == "FUNC" && f[6] != "UND")
            .Select(f => (Name: f[7].Split('@')[0], Value: Convert.ToUInt64(f[1], 16), Size: ulong.Parse(f[2].StartsWith("0x") ? Convert.ToUInt64(f[2], 16).ToString() : f[2])))
            .Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Value).ToList();
        var ours = elf.Symbols.Where(s => s.Type == ElfSymbolType.Func && s.IsDefined)
            .Select(s => (Name: s.Name, s.Value, s.Size)).Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Value).ToList();
        Assert.Equal(functions, ours);
    }

    // ---- malformed input: clear errors ----

    static string ErrorOf(byte[] bytes, ushort? machine = ElfConstants.MachineAArch64) =>
        Assert.Throws<ElfFormatException>(() => new ElfFile(bytes, machine)).Message;

    [Fact]
    public void RejectsBadMagicAndTruncatedHeaders()
    {
        Assert.Contains("truncated", ErrorOf([]));
        Assert.Contains("truncated", ErrorOf([0x7F, (byte)'E']));
        Assert.Contains("bad magic", ErrorOf("#!/bin/sh\necho hello\n"u8.ToArray()));
        var bytes = Bytes("p.static");
        Assert.Contains("shorter than the 64-byte ELF64 header", ErrorOf(bytes[..40]));
    }

    [Fact]
    public void RejectsWrongClassEndiannessAndMachine()
    {
        var bytes = Bytes("p.static");
        var b = (byte[])bytes.Clone(); b[4] = 1;
        Assert.Contains("ELFCLASS32", ErrorOf(b));
        b = (byte[])bytes.Clone(); b[5] = 2;
        Assert.Contains("big-endian", ErrorOf(b));
        b = (byte[])bytes.Clone(); BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), 62); // EM_X86_64
        Assert.Contains("wrong machine 62", ErrorOf(b));
        _ = new ElfFile(b, machine: null); // any machine accepted on request
    }

    [Fact]
    public void RejectsOutOfRangeOffsets()
    {
        var bytes = Bytes("p.dyn");
        var b = (byte[])bytes.Clone(); BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(32), (ulong)b.Length - 8); // e_phoff
        Assert.Contains("program header table", ErrorOf(b));
        b = (byte[])bytes.Clone(); BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), ulong.MaxValue - 10); // e_shoff
        Assert.Contains("outside the file", ErrorOf(b));
        // p_offset of the first PT_LOAD, near 2^64 so offset + size overflows.
        var elf = new ElfFile(bytes);
        int load = elf.ProgramHeaders.ToList().FindIndex(p => p.IsLoad);
        b = (byte[])bytes.Clone(); BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan((int)elf.Header.ProgramHeaderOffset + load * 56 + 8), ulong.MaxValue);
        Assert.Contains($"program header {load} (Load)", ErrorOf(b));
        // A section name offset past its string table.
        b = (byte[])bytes.Clone(); BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)elf.Header.SectionHeaderOffset + 64), 0x7FFF_FFF0);
        Assert.Contains("name of section 1", ErrorOf(b));
    }

    [Theory]
    [InlineData("p.o")]
    [InlineData("p.dyn")]
    public void EveryTruncationIsAClearError(string name)
    {
        var bytes = Bytes(name);
        var lengths = Enumerable.Range(0, Math.Min(bytes.Length, 0x400))
            .Concat(Enumerable.Range(1, 0x200).Select(k => bytes.Length - k))
            .Concat(Enumerable.Range(0, 200).Select(i => bytes.Length * i / 200))
            .Where(l => l >= 0 && l < bytes.Length).Distinct();
        foreach (int length in lengths)
            Assert.Throws<ElfFormatException>(() => new ElfFile(bytes[..length]));
    }

    /// <summary>Parses and touches everything; only ElfFormatException may escape the parse.</summary>
    static bool Probe(byte[] bytes)
    {
        ElfFile elf;
        try { elf = new ElfFile(bytes); }
        catch (ElfFormatException e)
        {
            Assert.StartsWith("ELF: ", e.Message);
            return false;
        }
        foreach (var p in elf.ProgramHeaders) _ = elf.SegmentData(p).Length;
        foreach (var s in elf.Sections) _ = elf.SectionData(s).Length + s.Name.Length;
        foreach (var s in elf.Symbols) _ = s.Name.Length;
        _ = elf.Interpreter?.Length + elf.Dynamic.Count;
        return true;
    }

    [Theory]
    [InlineData("p.o")]
    [InlineData("p.dyn")]
    [InlineData("p.static")]
    public void CorruptedHeadersNeverThrowAnythingElse(string name)
    {
        var original = Bytes(name);
        var elf = new ElfFile(original);
        // Every byte of the file header, the program headers and the section headers, set to values
        // that stress bounds: 0, 0xFF, 0x80, 0x7F and a flipped low bit.
        var offsets = Enumerable.Range(0, 64)
            .Concat(Enumerable.Range((int)elf.Header.ProgramHeaderOffset, elf.Header.ProgramHeaderCount * 56))
            .Concat(Enumerable.Range((int)elf.Header.SectionHeaderOffset, elf.Header.SectionHeaderCount * 64));
        var bytes = (byte[])original.Clone();
        int accepted = 0, rejected = 0;
        foreach (int at in offsets)
        {
            foreach (byte value in new byte[] { 0, 0xFF, 0x80, 0x7F, (byte)(original[at] ^ 1) })
            {
                bytes[at] = value;
                if (Probe(bytes)) accepted++; else rejected++;
            }
            bytes[at] = original[at];
        }
        Assert.True(accepted > 0 && rejected > 0);
    }

    [Theory]
    [InlineData("p.o", 1)]
    [InlineData("p.dyn", 2)]
    public void RandomMutationsNeverThrowAnythingElse(string name, int seed)
    {
        var original = Bytes(name);
        var elf = new ElfFile(original);
        int headersEnd = (int)Math.Max(elf.Header.ProgramHeaderOffset + (ulong)elf.Header.ProgramHeaderCount * 56, 64);
        var random = new Random(seed);
        for (int i = 0; i < 3000; i++)
        {
            var bytes = (byte[])original.Clone();
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits; e++)
            {
                // Mostly in the headers and the section header table, where the structure lives.
                int at = random.Next(3) switch
                {
                    0 => random.Next(headersEnd),
                    1 => (int)elf.Header.SectionHeaderOffset + random.Next(elf.Header.SectionHeaderCount * 64),
                    _ => random.Next(bytes.Length),
                };
                if (random.Next(2) == 0) bytes[at] = (byte)random.Next(256);
                else if (at + 8 <= bytes.Length) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), (ulong)random.NextInt64() << random.Next(40));
            }
            Probe(bytes);
        }
    }

    [Fact]
    public void ExtendedSectionNumberingIsFollowed()
    {
        // e_shnum = 0 and e_shstrndx = SHN_XINDEX: the counts move to section 0's sh_size and sh_link.
        var bytes = Bytes("p.o");
        var elf = new ElfFile(bytes);
        int sh0 = (int)elf.Header.SectionHeaderOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(60), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(62), 0xFFFF);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(sh0 + 32), (ulong)elf.Header.SectionHeaderCount);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(sh0 + 40), (uint)elf.Header.SectionNameTableIndex);
        var extended = new ElfFile(bytes);
        Assert.Equal(elf.Sections.Select(s => s.Name), extended.Sections.Select(s => s.Name));
    }
}
