// `fast launcher-config --output FILE` (hidden): writes what cli/Launcher/fast-launcher.c needs to
// start the runtime without hostfxr and hostpolicy: the runtime's directory, the directory of
// fast.dll, and the properties this process's host gave the runtime (the trusted assemblies that
// fast.deps.json resolves to, the native search path, the app's base directory, and every
// configProperties entry of fast.runtimeconfig.json). The properties are read back from
// AppContext, so the launcher passes exactly what the host computed. `./fast` runs it after each
// publish; a file that no longer matches the installed runtime makes the launcher fall back to
// the apphost.
using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Fast.Cli.Commands;

public sealed class LauncherConfigCommand : ICliCommand
{
    public const string Header = "fast-launcher 1";

    // What hostpolicy passes besides the configProperties (HOST_RUNTIME_CONTRACT, a pointer into the
    // host's memory, is the one it passes that cannot be carried over).
    static readonly string[] HostProperties =
    [
        "TRUSTED_PLATFORM_ASSEMBLIES", "NATIVE_DLL_SEARCH_DIRECTORIES", "PLATFORM_RESOURCE_ROOTS",
        "APP_CONTEXT_BASE_DIRECTORY", "APP_CONTEXT_DEPS_FILES", "PROBING_DIRECTORIES", "RUNTIME_IDENTIFIER",
        "FX_DEPS_FILE",
    ];

    public Command Build()
    {
        var output = new Option<string>("--output") { Description = "the file to write", Required = true };
        var command = new Command("launcher-config", "Write the native launcher's configuration (used by ./fast)") { Hidden = true };
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            File.WriteAllText(parseResult.GetValue(output)!, Describe());
            return 0;
        });
        return command;
    }

    /// <summary>The configuration: a header line, the runtime's directory, fast.dll's directory, then KEY=VALUE lines.</summary>
    public static string Describe()
    {
        string appDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var lines = new List<string> { Header, RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/'), appDirectory };
        var names = new List<string>(HostProperties);
        using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "fast.runtimeconfig.json"))))
            if (config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
                foreach (var property in properties.EnumerateObject()) names.Add(property.Name);
        foreach (var name in names)
            if (AppContext.GetData(name) is { } value && value.ToString() is { } text)
            {
                if (text.Contains('\n') || name.Contains('=')) throw new InvalidOperationException($"runtime property {name} cannot be written on one line");
                lines.Add($"{name}={text}");
            }
        return string.Join('\n', lines) + "\n";
    }
}
