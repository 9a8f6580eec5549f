// SyscallTable: number -> handler, built once from the [Syscall] methods of this assembly
// (xv6's syscall table as C# data). A number without a handler is ENOSYS, reported once.
using System.Reflection;

namespace Fast.Os.Linux.Syscalls;

public sealed class SyscallTable
{
    public const int Size = 512;

    public sealed record Entry(int Number, string Name, string[] Arguments, Func<SyscallContext, long> Handler);

    readonly Entry?[] entries = new Entry?[Size];

    public static SyscallTable Instance { get; } = new();

    SyscallTable()
    {
        var methods = typeof(SyscallTable).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => (Method: m, Attr: m.GetCustomAttribute<SyscallAttribute>()))
            .Where(x => x.Attr is not null);
        foreach (var (method, attr) in methods)
        {
            if (entries[attr!.Number] is not null) throw new InvalidOperationException($"syscall {attr.Number} has two handlers");
            var handler = method.CreateDelegate<Func<SyscallContext, long>>();
            string name = SyscallNames.Of(attr.Number) ?? method.Name;
            var args = attr.Arguments.Length == 0 ? [] : attr.Arguments.Split(',', StringSplitOptions.TrimEntries);
            entries[attr.Number] = new Entry(attr.Number, name, args, handler);
        }
    }

    public Entry? this[int number] => (uint)number < Size ? entries[number] : null;

    public IEnumerable<Entry> Implemented => entries.Where(e => e is not null)!;
}
