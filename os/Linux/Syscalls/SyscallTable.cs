// SyscallTable: number -> handler, built once from the [Syscall] methods of this assembly
// (xv6's syscall table as C# data). A number without a handler is ENOSYS, reported once.
// Only the classes in Holders are scanned (a test checks no other type declares a [Syscall]):
// scanning the whole assembly loaded every type in it and took ~4 ms of every `fast run`.
using System.Reflection;

namespace Fast.Os.Linux.Syscalls;

public sealed class SyscallTable
{
    public const int Size = 512;

    public sealed record Entry(int Number, string Name, string[] Arguments, Func<SyscallContext, long> Handler);

    readonly Entry?[] entries = new Entry?[Size];

    /// <summary>The classes whose static methods carry [Syscall] attributes (before Instance: static initialisers run in order).</summary>
    public static readonly Type[] Holders =
    [
        typeof(FileSyscalls), typeof(MemorySyscalls), typeof(MiscSyscalls), typeof(PollSyscalls), typeof(PrctlSyscalls),
        typeof(ProcessSyscalls), typeof(SignalSyscalls), typeof(SignalWaitSyscalls), typeof(TimeSyscalls), typeof(TransferSyscalls),
    ];

    public static SyscallTable Instance { get; } = new();

    SyscallTable()
    {
        foreach (var type in Holders)
        foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            if (method.GetCustomAttribute<SyscallAttribute>() is not { } attr) continue;
            if (entries[attr.Number] is not null) throw new InvalidOperationException($"syscall {attr.Number} has two handlers");
            var handler = method.CreateDelegate<Func<SyscallContext, long>>();
            string name = SyscallNames.Of(attr.Number) ?? method.Name;
            var args = attr.Arguments.Length == 0 ? [] : attr.Arguments.Split(',', StringSplitOptions.TrimEntries);
            entries[attr.Number] = new Entry(attr.Number, name, args, handler);
        }
    }

    public Entry? this[int number] => (uint)number < Size ? entries[number] : null;

    public IEnumerable<Entry> Implemented => entries.Where(e => e is not null)!;
}
