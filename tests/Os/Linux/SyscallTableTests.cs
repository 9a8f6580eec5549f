using System.Reflection;
using Fast.Os.Linux.Syscalls;

namespace Fast.Tests.Os.Linux;

/// <summary>SyscallTable scans only its Holders at start-up: every [Syscall] of the assembly must be in one.</summary>
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
}
