// `fast difftest`: differential testing of the interpreter against Unicorn (DESIGN.md section 7).
// Random encodings from the encoding table, random machine state, same instruction count on both
// sides; every mismatch is printed with its words, Fast's disassembly and the differing state. The
// last line is `difftest: N cases, M mismatches`; the exit status is 1 on any mismatch.
using System.CommandLine;
using Fast.Cli.Difftest;

namespace Fast.Cli.Commands;

public sealed class DifftestCommand : ICliCommand
{
    public Command Build()
    {
        var seed = new Option<ulong>("--seed") { Description = "PRNG seed (cases are reproducible per seed and case number)", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count") { Description = "number of cases", DefaultValueFactory = _ => 10_000 };
        var first = new Option<int>("--first") { Description = "number of the first case (to reproduce one case: --first I --count 1)", DefaultValueFactory = _ => 0 };
        var classes = new Option<string?>("--class")
        {
            Description = $"comma-separated instruction classes (default: all implemented: {string.Join(",", EncodingGenerator.AvailableClasses())})",
        };
        var tier = new Option<string>("--tier") { Description = "interp (tier 0) or jit (each case compiled to an IL region, then compared)", DefaultValueFactory = _ => "interp" };
        tier.AcceptOnlyFromAmong("interp", "jit");
        var maxReport = new Option<int>("--max-report") { Description = "mismatches printed in full", DefaultValueFactory = _ => 20 };
        var command = new Command("difftest", "Compare Fast (either tier) with Unicorn on random instructions") { seed, count, first, classes, tier, maxReport };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(classes) is { Length: > 0 } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : EncodingGenerator.AvailableClasses();
            try
            {
                var session = new DiffSession
                {
                    Seed = parse.GetValue(seed),
                    Count = parse.GetValue(count),
                    First = parse.GetValue(first),
                    Classes = chosen.ToList(),
                    MaxReport = parse.GetValue(maxReport),
                    Tier = parse.GetValue(tier)!,
                };
                return session.Run() == 0 ? 0 : 1;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"difftest: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
