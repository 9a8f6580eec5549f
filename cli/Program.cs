// The `fast` command: composes runtime + translator + os + perf (DESIGN.md section 2).
// Each subcommand lives in Commands/ as a class implementing ICliCommand; they are found here
// by reflection, so adding a command touches no shared file.
using System.CommandLine;
using System.Reflection;
using Fast.Cli;

// `run` takes everything after the program name verbatim, so it bypasses option parsing.
Fast.Runtime.Observability.StartupPhases.Mark("main");
if (args.Length > 0 && args[0] is "run" or "shell") Fast.Cli.Run.StartupWarmer.Begin();   // while the options are parsed
if (args.Length > 0 && args[0] == "run") return Fast.Cli.Commands.RunCommand.Main(args[1..]);
if (args.Length > 0 && args[0] == "shell" && !(args.Length > 1 && args[1] is "--help" or "-h"))
    return Fast.Cli.Commands.ShellCommand.Main(args[1..]);
return Commands(args);

// The other commands, through System.CommandLine: a method of its own, so that `run` and `shell`
// load neither System.CommandLine nor System.Linq (Main's references are resolved when it starts).
static int Commands(string[] args)
{
    var root = new RootCommand("Fast: an AArch64 emulator and the operating system it runs");
    foreach (var type in typeof(ICliCommand).Assembly.GetTypes()
                 .Where(t => t.IsClass && !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t))
                 .OrderBy(t => t.Name))
    {
        var command = (ICliCommand)Activator.CreateInstance(type)!;
        root.Subcommands.Add(command.Build());
    }
    return root.Parse(args).Invoke();
}
