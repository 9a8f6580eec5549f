// `fast disasm`: disassembles A64 words given in hex, or the code of an AArch64 ELF file, with the
// translator's disassembler (the same encoding table the decoder uses), in objdump's layout:
//
//   fast disasm --hex d503201f 8b020020 [--address 0x400000]
//   fast disasm FILE
//
// For a file, every executable section is listed (or, for a file without section headers, every
// executable PT_LOAD segment), with "<symbol>:" headers from .symtab (else .dynsym). AArch64
// mapping symbols are honoured as objdump does: words after "$d" print as .word, after "$x" as
// code. Branch targets print as 0x<hex> followed by objdump's " <symbol+0xoff>".
using System.CommandLine;
using System.Globalization;
using Fast.Runtime.Elf;
using Fast.Translator;

namespace Fast.Cli.Commands;

public sealed class DisasmCommand : ICliCommand
{
    public Command Build()
    {
        var hex = new Option<string[]>("--hex")
        {
            Description = "Instruction words in hex (e.g. d503201f 0x8b020020)",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var address = new Option<string?>("--address") { Description = "Address of the first --hex word (hex; default 0)" };
        var file = new Argument<string?>("file") { Description = "An AArch64 ELF file to disassemble", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("disasm", "Disassemble A64 instruction words or the code of an ELF file") { hex, address, file };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            string[] words = parseResult.GetValue(hex) ?? [];
            string? path = parseResult.GetValue(file);
            try
            {
                if (words.Length > 0 && path is null) return WriteWords(words, ParseHex(parseResult.GetValue(address) ?? "0", "address"), output);
                if (path is not null && words.Length == 0) return WriteFile(ElfFile.Load(path, machine: null), path, output, error);
                error.WriteLine("fast disasm: give either --hex WORD... or FILE");
                return 2;
            }
            catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException or FormatException)
            {
                error.WriteLine($"fast disasm: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    static ulong ParseHex(string text, string what)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value))
            throw new FormatException($"'{text}' is not a hex {what}");
        return value;
    }

    static int WriteWords(string[] words, ulong address, TextWriter output)
    {
        var parsed = words.Select(w => ParseHex(w, "instruction word")).ToList();
        if (parsed.FirstOrDefault(w => w > uint.MaxValue) is ulong big and > uint.MaxValue)
            throw new FormatException($"0x{big:x} is wider than 32 bits");
        foreach (ulong word in parsed)
        {
            output.WriteLine(Line(address, (uint)word, Disassembler.Disassemble((uint)word, address)));
            address += 4;
        }
        return 0;
    }

    static string Line(ulong address, uint word, string text) => $"{address,8:x}:\t{word:x8}\t{text}";

    static int WriteFile(ElfFile elf, string path, TextWriter output, TextWriter error)
    {
        if (elf.Header.Machine != ElfConstants.MachineAArch64)
        {
            error.WriteLine($"fast disasm: not an AArch64 file (e_machine {elf.Header.Machine})");
            return 1;
        }
        var table = elf.Symbols.Any(s => s.Table == ".symtab") ? ".symtab" : ".dynsym";
        var symbols = elf.Symbols.Where(s => s.Table == table && s.IsDefined && s.SectionIndex < ElfConstants.SectionLoReserve).ToList();
        var regions = elf.Sections.Where(s => s.IsExecutable && s.HasFileData)
            .Select(s => (Name: $"section {s.Name}", s.Address, Data: elf.SectionData(s).ToArray(), Section: (int?)s.Index)).ToList();
        if (elf.Sections.Count == 0)
        {
            regions = elf.LoadSegments.Where(p => p.IsExecutable)
                .Select(p => (Name: $"segment at 0x{p.VirtualAddress:x}", p.VirtualAddress, Data: elf.SegmentData(p).ToArray(), Section: (int?)null)).ToList();
        }
        output.WriteLine();
        output.WriteLine($"{path}:     file format elf64-littleaarch64");
        // Branch targets are annotated with the nearest label at or below them, over the whole file
        // (a relocatable file's sections all start at 0, so there only the region's own labels).
        var fileLabels = SortedLabels(symbols);
        foreach (var region in regions)
        {
            // Symbols of this region: labels (functions, objects, untyped) and mapping symbols.
            var inRegion = symbols.Where(s => region.Section is int index
                    ? s.SectionIndex == index
                    : s.Value >= region.Address && s.Value < region.Address + (ulong)region.Data.Length)
                .Select(s => s with { Value = region.Section is not null && elf.Header.Type == ElfType.Relocatable ? s.Value + region.Address : s.Value })
                .ToList();
            var labels = SortedLabels(inRegion).ToDictionary(l => l.Key, l => l.Value);
            var mapping = inRegion.Where(IsMappingSymbol).GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Last().Name[1]);
            var sorted = elf.Header.Type == ElfType.Relocatable ? labels.OrderBy(l => l.Key).ToList() : fileLabels;

            output.WriteLine();
            output.WriteLine($"Disassembly of {region.Name}:");
            bool data = false;
            for (int i = 0; i + 4 <= region.Data.Length; i += 4)
            {
                ulong address = region.Address + (ulong)i;
                if (mapping.TryGetValue(address, out char kind)) data = kind == 'd';
                if (labels.TryGetValue(address, out var label))
                {
                    output.WriteLine();
                    output.WriteLine($"{address:x16} <{label}>:");
                }
                uint word = BitConverter.ToUInt32(region.Data, i);
                string text = data ? $".word\t0x{word:x8}" : Annotate(Disassembler.Disassemble(word, address), sorted);
                output.WriteLine(Line(address, word, text));
            }
        }
        return 0;
    }

    static List<KeyValuePair<ulong, string>> SortedLabels(IEnumerable<ElfSymbol> symbols) =>
        symbols.Where(s => !IsMappingSymbol(s) && s.Type is ElfSymbolType.Func or ElfSymbolType.NoType or ElfSymbolType.Object && s.Name.Length > 0)
            .GroupBy(s => s.Value)
            .Select(g => new KeyValuePair<ulong, string>(g.Key, Preferred(g).Name))
            .OrderBy(l => l.Key).ToList();

    /// <summary>
    /// Of several symbols at one address, the one objdump names: a function before other types,
    /// a non-local before a local, a global before a weak, a name not starting with '.', then the
    /// smallest name by byte order (objdump's compare_symbols, whose first candidate wins).
    /// </summary>
    static ElfSymbol Preferred(IEnumerable<ElfSymbol> sameAddress) => sameAddress
        .OrderBy(s => s.Type == ElfSymbolType.Func ? 0 : 1)
        .ThenBy(s => s.Binding == ElfSymbolBinding.Local ? 1 : 0)
        .ThenBy(s => s.Binding == ElfSymbolBinding.Global ? 0 : 1)
        .ThenBy(s => s.Name.StartsWith('.') ? 1 : 0)
        .ThenBy(s => s.Name, StringComparer.Ordinal)
        .First();

    static bool IsMappingSymbol(ElfSymbol s) => s.Name.Length >= 2 && s.Name[0] == '$' && s.Name[1] is 'x' or 'd' && (s.Name.Length == 2 || s.Name[2] == '.');

    /// <summary>Appends objdump's " &lt;symbol+0xoff&gt;" to a text whose last operand is an address.</summary>
    static string Annotate(string text, List<KeyValuePair<ulong, string>> labels)
    {
        int start = Math.Max(text.LastIndexOf('\t'), text.LastIndexOf(' ')) + 1;
        if (start <= 0 || !text.AsSpan(start).StartsWith("0x") || labels.Count == 0) return text;
        if (!ulong.TryParse(text.AsSpan(start + 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong target)) return text;
        int lo = 0, hi = labels.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (labels[mid].Key <= target) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return text;
        ulong offset = target - labels[found].Key;
        return offset == 0 ? $"{text} <{labels[found].Value}>" : $"{text} <{labels[found].Value}+0x{offset:x}>";
    }
}
