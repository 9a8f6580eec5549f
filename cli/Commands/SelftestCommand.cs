// `fast selftest`: builds the guest test programs of os/user (aarch64-linux-gnu-gcc, static,
// cached under ~/.cache/fast/user) and runs each under Fast's kernel, one line per program
// (PASS/FAIL and time) and, last, "N passed, M failed"; the exit status is 1 on any failure.
//   fast selftest [RUN OPTIONS] [--filter NAME]... [-j N] [--timeout SEC] [-v] [--list] [--bench]
// RUN OPTIONS are `fast run`'s (--tier, --cores, --strace, --trace, --mem, ...) and are passed to
// every program. --bench instead runs os/user/bench/kbench.c natively, under qemu-aarch64 and
// under Fast, and prints the three columns.
using System.CommandLine;
using Fast.Cli.Run;
using Fast.Cli.Selftest;

namespace Fast.Cli.Commands;

public sealed class SelftestCommand : ICliCommand
{
    public const string Usage =
        "usage: fast selftest [RUN OPTIONS] [--filter NAME]... [-j N] [--timeout SEC] [-v] [--list] [--bench]\n" +
        "  RUN OPTIONS: those of fast run (-L, --root, -E, --mem, --cores, --strace, --stats, --trace, --tier)";

    public Command Build()
    {
        var command = new Command("selftest", "Build the guest test programs of os/user and run each under Fast") { TreatUnmatchedTokensAsErrors = false };
        var rest = new Argument<string[]>("options") { Arity = ArgumentArity.ZeroOrMore, Description = Usage };
        command.Arguments.Add(rest);
        command.SetAction(parseResult => Main(parseResult.Tokens.Select(t => t.Value).Skip(1).ToArray(), Console.Out));
        return command;
    }

    public static int Main(IReadOnlyList<string> args, TextWriter output)
    {
        var options = new SelftestOptions();
        bool bench = false, list = false;
        try
        {
            for (int i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--filter": options.Filters.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                    case "-j" or "--jobs": options.Jobs = int.TryParse(Value(), out int j) && j is > 0 and <= 64 ? j : throw new UsageException("-j takes 1..64"); break;
                    case "--timeout": options.Timeout = TimeSpan.FromSeconds(double.TryParse(Value(), System.Globalization.CultureInfo.InvariantCulture, out double s) && s > 0 ? s : throw new UsageException("--timeout takes seconds")); break;
                    case "-v" or "--verbose": options.Verbose = true; break;
                    case "--bench": bench = true; break;
                    case "--list": list = true; break;
                    case "-h" or "--help": output.WriteLine(Usage); return 0;
                    case "-L" or "--root" or "-E" or "--mem" or "--cores" or "--trace" or "--tier":
                        options.RunOptions.Add(args[i]);
                        options.RunOptions.Add(Value());
                        break;
                    case "--strace" or "--stats": options.RunOptions.Add(args[i]); break;
                    default: throw new UsageException($"unknown option {args[i]}");
                }
            }
            RunOptions.Parse(options.RunOptions, requireProgram: false); // validates the run options now, once
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"fast selftest: {e.Message}\n{Usage}");
            return 2;
        }

        try
        {
            var programs = new UserPrograms();
            if (bench) return KernelBench.Run(programs, options.RunOptions, options.Timeout, output);
            var suite = new SelftestSuite(programs);
            if (list)
            {
                foreach (var p in suite.Select(options.Filters))
                    output.WriteLine(KnownFailures.Reasons.TryGetValue(p.Name, out var why) ? $"{p.Name}  (known failure: {why})" : p.Name);
                return 0;
            }
            var results = suite.Run(options, output);
            return results.All(r => r.Passed) ? 0 : 1;
        }
        catch (SelftestException e)
        {
            Console.Error.WriteLine($"fast selftest: {e.Message}");
            return 2;
        }
    }
}
