using System.Reflection;
using Fast.Os.Linux.Syscalls;

namespace Fast.Tests.Os.Linux;

/// <summary>SyscallTable registers the [Syscall] methods of its Holders through SyscallTable.g.cs: every
/// [Syscall] of the assembly must be in a holder, and the generated code must be what the attributes say.</summary>
public class SyscallTableTests
{
    [Fact]
    public void EverySyscallMethodIsInAHolderClass()
    {
        var declaring = typeof(SyscallTable).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<SyscallAttribute>() is not null)
            .Select(m => m.DeclaringType!)
            .Distinct()
            .ToList();
        Assert.NotEmpty(declaring);
        Assert.Empty(declaring.Except(SyscallTable.Holders).Select(t => t.FullName));
        int declared = typeof(SyscallTable).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Count(m => m.GetCustomAttribute<SyscallAttribute>() is not null);
        Assert.Equal(declared, SyscallTable.Instance.Implemented.Count());
    }

    [Fact]
    public void TheGeneratedTableIsWhatTheAttributesSay()
    {
        // FAST_REGENERATE=1 rewrites os/Linux/Syscalls/SyscallTable.g.cs after a [Syscall] changed.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fast.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        string path = Path.Combine(dir!.FullName, "os", "Linux", "Syscalls", "SyscallTable.g.cs");
        string expected = SyscallTable.Generate();
        if (Environment.GetEnvironmentVariable("FAST_REGENERATE") == "1") File.WriteAllText(path, expected);
        Assert.True(expected == File.ReadAllText(path), $"{path} is out of date: run the tests with FAST_REGENERATE=1");
        // And the table built from it holds each attribute's method, name and arguments.
        foreach (var (method, attr) in SyscallTable.Reflect())
        {
            var entry = SyscallTable.Instance[attr.Number];
            Assert.NotNull(entry);
            Assert.Same(method, entry!.Handler.Method);
            Assert.Equal(SyscallNames.Of(attr.Number) ?? method.Name, entry.Name);
            Assert.Equal(attr.Arguments.Length == 0 ? [] : attr.Arguments.Split(',', StringSplitOptions.TrimEntries), entry.Arguments);
        }
    }
}
