// Strace: the --strace log line of a system call, in strace's shape:
//   [pid 42] openat(AT_FDCWD, "/etc/passwd", 0x0, 0) = 3
//   [pid 42] read(3, 0xfffffffff000, 4096) = -1 ENOENT (No such file or directory)
// Arguments named path/pathname/filename/name (or starting with '*') print as strings, fd and
// small numbers in decimal, everything else in hex.
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Syscalls;

namespace Fast.Os.Linux;

public static class Strace
{
    public static string Format(SyscallTable.Entry? entry, int number, SyscallContext ctx)
    {
        if (entry is null) return $"syscall_{number}({ctx.Arg(0):x}, {ctx.Arg(1):x}, {ctx.Arg(2):x})";
        var args = new string[entry.Arguments.Length];
        for (int i = 0; i < args.Length; i++) args[i] = FormatArgument(entry.Arguments[i], ctx.Arg(i), ctx);
        return $"{entry.Name}({string.Join(", ", args)})";
    }

    static string FormatArgument(string name, ulong value, SyscallContext ctx)
    {
        if (name is "path" or "pathname" or "filename" or "name" or "oldpath" or "newpath" || name.StartsWith('*'))
        {
            var s = ctx.User.ReadCString(value, 256);
            return s is null ? $"0x{value:x}" : Quote(s);
        }
        if (name is "dirfd" or "olddirfd" or "newdirfd" && (int)value == At.FDCWD) return "AT_FDCWD";
        if (name is "fd" or "dirfd" or "olddirfd" or "newdirfd" or "count" or "len" or "size" or "pid" or "tid" or "sig" or "status" or "code")
            return ((long)value).ToString();
        return value < 10 ? value.ToString() : $"0x{value:x}";
    }

    static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (char ch in s.Length > 64 ? s[..64] : s)
            sb.Append(ch switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\t' => "\\t", < ' ' or > '~' => $"\\x{(int)ch:x2}", _ => ch.ToString() });
        sb.Append('"');
        if (s.Length > 64) sb.Append("...");
        return sb.ToString();
    }

    public static string Result(string call, int pid, long result) =>
        result == Syscall.NoReturn ? $"[pid {pid}] {call} = ?"
        : result < 0 && result > -4096 ? $"[pid {pid}] {call} = -1 {ErrnoInfo.Name((int)-result)} ({ErrnoInfo.StrError((int)-result)})"
        : $"[pid {pid}] {call} = {(result > 0xFFFF ? $"0x{result:x}" : result.ToString())}";
}
