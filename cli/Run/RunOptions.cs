// RunOptions: the options of `fast run` (and of commands that run guest programs, like
// selftest), parsed by hand because everything after the program name belongs to the program:
//   fast run [-L SYSROOT | --root DIR] [-E VAR=VALUE]... [--mem SIZE] [--cores N] [--strace]
//            [--stats] [--trace FILE] [--tier interp|jit] PROGRAM [ARGS...]
namespace Fast.Cli.Run;

public sealed class RunOptions
{
    public string? Sysroot { get; set; }
    public string? Root { get; set; }
    public List<string> Environment { get; } = new();
    public ulong MemoryBytes { get; set; } = 1UL << 30;
    public int Cores { get; set; } = 2;
    public bool Strace { get; set; }
    public bool Stats { get; set; }
    public string? Trace { get; set; }
    public string Tier { get; set; } = "jit";
    public string Program { get; set; } = "";
    public List<string> Arguments { get; } = new();

    public const string Usage =
        "usage: fast run [-L SYSROOT | --root DIR] [-E VAR=VALUE]... [--mem SIZE] [--cores N] [--strace] [--stats] [--trace FILE] [--tier interp|jit] PROGRAM [ARGS...]";

    public const string Help = """
        Run a Linux AArch64 program on Fast's kernel, the way qemu-aarch64 -L SYSROOT does.

        Usage:
          fast run [options] PROGRAM [ARGS...]

        Options:
          -L SYSROOT          look absolute paths up in SYSROOT first, then on the host (the loader and libraries come from it)
          --root DIR          the guest's / is DIR alone, read-write and confined
          -E VAR=VALUE        set a variable in the guest's environment (the host's environment is passed by default)
          --mem SIZE          guest RAM (default 1G; K, M, G suffixes)
          --cores N           vCPUs, one kernel each (default 2)
          --strace            log every system call with decoded arguments to stderr
          --stats             print instructions, MIPS, translations, TLB hit rate, faults, syscalls at exit
          --trace FILE        record an EventPipe trace (Fast events, CPU samples, JIT) for PerfView or `fast trace report`
          --tier interp|jit   execution engine (default jit: hot code is compiled to IL)
        """;

    /// <summary>True when the arguments ask for help instead of a program.</summary>
    public static bool IsHelp(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "--help" or "-h" or "-?";

    /// <summary>Parses run options up to the program name; the rest are the program's arguments.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args, bool requireProgram = true, bool unknownOptionStartsProgram = false)
    {
        var o = new RunOptions();
        int i = 0;
        string Value(string option) => i + 1 < args.Count ? args[++i] : throw new UsageException($"{option} needs a value");
        for (; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--") { i++; break; }
            if (!a.StartsWith('-') || a == "-") break;
            switch (a)
            {
                case "-L": o.Sysroot = Value(a); break;
                case "--root": o.Root = Value(a); break;
                case "-E": o.Environment.Add(Value(a)); break;
                case "--mem": o.MemoryBytes = ParseSize(Value(a)); break;
                case "--cores": o.Cores = int.TryParse(Value(a), out int n) && n is > 0 and <= 64 ? n : throw new UsageException("--cores takes 1..64"); break;
                case "--strace": o.Strace = true; break;
                case "--stats": o.Stats = true; break;
                case "--trace": o.Trace = Value(a); break;
                case "--tier": o.Tier = Value(a) is "interp" or "jit" ? args[i] : throw new UsageException("--tier takes interp or jit"); break;
                default:
                    if (unknownOptionStartsProgram) goto program;
                    throw new UsageException($"unknown option {a}");
            }
        }
    program:
        if (o.Sysroot is not null && o.Root is not null) throw new UsageException("-L and --root exclude each other");
        if (i < args.Count)
        {
            o.Program = args[i];
            for (i++; i < args.Count; i++) o.Arguments.Add(args[i]);
        }
        else if (requireProgram) throw new UsageException("no program given");
        return o;
    }

    public static ulong ParseSize(string text)
    {
        text = text.Trim();
        ulong unit = 1;
        char last = char.ToUpperInvariant(text.Length > 0 ? text[^1] : ' ');
        if (last is 'K' or 'M' or 'G')
        {
            unit = last switch { 'K' => 1UL << 10, 'M' => 1UL << 20, _ => 1UL << 30 };
            text = text[..^1];
        }
        if (!ulong.TryParse(text, out ulong n) || n == 0) throw new UsageException($"bad size '{text}'");
        ulong bytes = n * unit;
        if (bytes < 16UL << 20 || bytes > 64UL << 30) throw new UsageException("--mem must be between 16M and 64G");
        return (bytes + 0xFFF) & ~0xFFFUL;
    }
}

public sealed class UsageException(string message) : Exception(message);
