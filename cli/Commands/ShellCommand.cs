// `fast shell`: boots Fast's OS to a shell — Debian's busybox sh on Fast's kernel, with every
// busybox applet on its PATH. The package is fetched into the cache on first use (apt-get
// download busybox-static:arm64, as the benchmark runner does). Run options (--tier, --cores,
// --strace, --stats, --trace, --mem) pass through.
using System.CommandLine;
using Fast.Cli.Run;
using Fast.Perf.Workloads;

namespace Fast.Cli.Commands;

public sealed class ShellCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("shell", "Boot Fast's OS to a shell (busybox sh on Fast's kernel)") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(new Argument<string[]>("options") { Arity = ArgumentArity.ZeroOrMore, Description = "run options, then shell arguments (e.g. -c 'echo hi')" });
        command.SetAction(parseResult => Main(parseResult.Tokens.Select(t => t.Value).Skip(1).ToArray()));
        return command;
    }

    public static int Main(IReadOnlyList<string> args)
    {
        RunOptions options;
        try
        {
            options = RunOptions.Parse(args, requireProgram: false, unknownOptionStartsProgram: true);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"fast shell: {e.Message}");
            return 2;
        }
        var sysroot = new DebianSysroot(DebianSysroot.DefaultCache, message => Console.Error.WriteLine($"fast shell: {message}"));
        string applets = Path.Combine(sysroot.Root, "busybox-applets");
        if (!Installed(sysroot, applets))
        {
            sysroot.Ensure(["busybox-static", "libc6"]);
            applets = sysroot.BusyboxApplets();
        }
        var shellArgs = options.Program.Length > 0 ? new List<string> { options.Program } : new List<string>();
        shellArgs.AddRange(options.Arguments);
        options.Program = Path.Combine(sysroot.Arm64, "bin", "busybox");
        options.Arguments.Clear();
        options.Arguments.Add("sh");
        options.Arguments.AddRange(shellArgs);
        options.Sysroot ??= sysroot.Arm64;
        options.Environment.Add($"PATH={applets}");
        options.Environment.Add("PS1=fast$ ");
        using var runner = new GuestRunner(options);
        return runner.Run();
    }

    /// <summary>
    /// What Ensure and BusyboxApplets would find already there (both packages in the sysroot's stamp,
    /// the loader, the applet links), checked without them: Ensure reads the stamp with
    /// System.Text.Json, ~25 ms of start-up (155 methods JIT-compiled) on every `fast shell`.
    /// </summary>
    static bool Installed(DebianSysroot sysroot, string applets)
    {
        string stamp = Path.Combine(sysroot.Root, "versions.json");
        if (!File.Exists(stamp) || !File.Exists(sysroot.GuestLoader) || !File.Exists(Path.Combine(applets, "sh"))) return false;
        string text = File.ReadAllText(stamp);
        return text.Contains("\"busybox-static\":", StringComparison.Ordinal) && text.Contains("\"libc6\":", StringComparison.Ordinal);
    }
}
