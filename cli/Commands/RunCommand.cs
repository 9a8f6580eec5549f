// `fast run`: runs a Linux AArch64 program on Fast's kernel, the way `qemu-aarch64 -L SYSROOT`
// does: the program's output and exit status are its own. Options are parsed by RunOptions
// (everything after the program name belongs to the program); this class only exposes the
// command in `fast --help` and turns errors into one clear line.
using System.CommandLine;
using Fast.Cli.Run;
using Fast.Os.Process;

namespace Fast.Cli.Commands;

public sealed class RunCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("run", "Run a Linux AArch64 program on Fast's kernel (like qemu-aarch64 -L)") { TreatUnmatchedTokensAsErrors = false };
        var rest = new Argument<string[]>("program-and-options") { Arity = ArgumentArity.ZeroOrMore, Description = RunOptions.Usage };
        command.Arguments.Add(rest);
        command.SetAction(parseResult => Main(parseResult.Tokens.Select(t => t.Value).Skip(1).ToArray()));
        return command;
    }

    /// <summary>Entry point with the raw arguments after "run".</summary>
    public static int Main(IReadOnlyList<string> args)
    {
        if (RunOptions.IsHelp(args))
        {
            Console.WriteLine(RunOptions.Help);
            return 0;
        }
        RunOptions options;
        try
        {
            options = RunOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"fast run: {e.Message}\n{RunOptions.Usage}");
            return 2;
        }
        Fast.Perf.Tracing.TraceRecorder? trace = null;
        try
        {
            if (options.Trace is not null) trace = Fast.Perf.Tracing.TraceRecorder.Start(options.Trace);
            using var runner = new GuestRunner(options);
            return runner.Run();
        }
        catch (LoaderException e)
        {
            Console.Error.WriteLine($"fast run: {e.Message}");
            return 127;
        }
        catch (InvalidOperationException e) when (trace is null && options.Trace is not null)
        {
            Console.Error.WriteLine($"fast run: cannot record a trace: {e.Message}");
            return 1;
        }
        finally
        {
            trace?.Stop();
        }
    }
}
