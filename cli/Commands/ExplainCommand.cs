// `fast explain [run options] --region ADDRESS|SYMBOL PROGRAM [ARGS...]`: runs a program and, for the
// tier-1 region entered at (or containing) ADDRESS, or entered inside the function SYMBOL, prints the guest disassembly, the IL emitted,
// and the x86-64 code the .NET JIT made of it (found through the runtime's method-load events,
// disassembled with Iced), with bytes of host code per guest instruction: what a guest
// instruction costs. Regions form once a block is hot (FAST_JIT_THRESHOLD, default 1000 entries).
using System.CommandLine;
using Fast.Cli.Run;
using Fast.Translator;
using Fast.Translator.Jit;
using Iced.Intel;

namespace Fast.Cli.Commands;

public sealed class ExplainCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("explain", "Show the guest code, IL and host code of a tier-1 region: fast explain [run options] --region ADDRESS PROGRAM [ARGS...]")
            { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore });
        command.SetAction(parseResult => Main(parseResult.Tokens.Select(t => t.Value).Skip(1).ToArray(), Console.Out));
        return command;
    }

    public static int Main(IReadOnlyList<string> args, TextWriter output)
    {
        var rest = args.ToList();
        int at = rest.IndexOf("--region");
        if (at < 0 || at + 1 >= rest.Count)
        {
            Console.Error.WriteLine("usage: fast explain [run options] --region ADDRESS|SYMBOL PROGRAM [ARGS...]");
            return 2;
        }
        string where = rest[at + 1];
        rest.RemoveRange(at, 2);
        RunOptions options;
        try { options = RunOptions.Parse(rest); }
        catch (UsageException e) { Console.Error.WriteLine($"fast explain: {e.Message}"); return 2; }
        options.Tier = "jit";
        // A symbol of the program names its whole function: any region entered inside it qualifies.
        ulong address, end;
        if (TryParseAddress(where, out address)) end = address + 4;
        else
        {
            var symbol = Fast.Runtime.Elf.ElfFile.Load(options.Program).Symbols.FirstOrDefault(s => s.Name == where && s.IsDefined);
            if (symbol is null) { Console.Error.WriteLine($"fast explain: {where}: no such symbol in {options.Program}"); return 2; }
            address = symbol.Value;
            end = symbol.Value + Math.Max(symbol.Size, 4);
        }

        using var listener = new JitMethodListener();
        Region? found = null;
        using var runner = new GuestRunner(options);
        runner.TierUp!.KeepListings = true;
        runner.TierUp.Compiled += region =>
        {
            if (found is null && ((region.EntryPc >= address && region.EntryPc < end) || region.Contains(address))) found = region;
        };
        int status = runner.Run();
        runner.TierUp.Drain();
        if (found is null)
        {
            Console.Error.WriteLine($"fast explain: no region at 0x{address:x} was compiled (the program exited with {status}); " +
                "is the code hot enough (FAST_JIT_THRESHOLD)?");
            return 1;
        }
        Print(found, listener, output);
        return 0;
    }

    static bool TryParseAddress(string text, out ulong value) =>
        ulong.TryParse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text,
            System.Globalization.NumberStyles.HexNumber, null, out value);

    static unsafe void Print(Region region, JitMethodListener listener, TextWriter o)
    {
        o.WriteLine($"region {region.Name}: {region.InstructionCount} guest instructions in {region.BlockStarts.Length} blocks");
        o.WriteLine();
        o.WriteLine("guest code");
        foreach (var (pc, inst) in region.Instructions)
            o.WriteLine($"  {pc:x}:  {inst.Word:x8}  {Disassembler.Disassemble(inst.Word, pc)}");
        o.WriteLine();
        o.WriteLine("IL");
        o.WriteLine(region.IlListing ?? "  (not kept)");
        o.WriteLine();
        // Give the event listener a moment: method-load events are dispatched asynchronously.
        for (int i = 0; i < 50 && !listener.Methods.ContainsKey(region.Name); i++) Thread.Sleep(20);
        if (!listener.Methods.TryGetValue(region.Name, out var method))
        {
            o.WriteLine("host code: the JIT's method-load event for this region was not seen");
            return;
        }
        o.WriteLine($"host x86-64 code: {method.Size} bytes at 0x{method.Start:x}, {(double)method.Size / region.InstructionCount:F1} bytes per guest instruction");
        var bytes = new ReadOnlySpan<byte>((void*)method.Start, method.Size).ToArray();
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(bytes));
        decoder.IP = method.Start;
        var formatter = new IntelFormatter();
        var text = new StringOutput();
        while (decoder.IP < method.Start + (ulong)bytes.Length)
        {
            var instruction = decoder.Decode();
            formatter.Format(instruction, text);
            o.WriteLine($"  {instruction.IP:x}  {text.ToStringAndReset()}");
        }
    }
}
