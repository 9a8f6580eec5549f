// HostEnvironment: what the first guest process inherits from the host process, its environment
// and working directory, as the bytes the host holds (one char per byte, the OS's convention for
// guest strings), the way qemu-aarch64 passes them on. Going through the runtime instead (decoding
// UTF-8 into .NET strings) turned a variable holding "é" (C3 A9) into the single byte E9 in the
// guest, and cost the runtime's UTF-8 decoder's first call (~1.3 ms) at every start.
// The environment is read from /proc/self/environ: nothing in Fast changes its own environment,
// so that is the block the process started with. Where /proc is missing, the runtime's view is
// used, re-encoded as UTF-8.
using Fast.Os.Vfs.Host;
using Fast.Runtime;

namespace Fast.Cli.Run;

public static class HostEnvironment
{
    /// <summary>The environment's "NAME=VALUE" entries in the host's order, with each -E VAR=VALUE
    /// assignment (a host string) replacing the variable of that name or appended.</summary>
    public static List<string> Entries(IReadOnlyList<string> assignments)
    {
        var entries = ReadProcEnviron() ?? FromRuntime();
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0) throw new UsageException($"-E wants VAR=VALUE, not '{assignment}'");
            string entry = Latin1Text.FromUtf16(assignment);
            string prefix = entry[..(entry.IndexOf('=') + 1)];
            int at = entries.FindIndex(e => e.StartsWith(prefix, StringComparison.Ordinal));
            if (at >= 0) entries[at] = entry;
            else entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The working directory's bytes (null where the host cannot say: it was removed).</summary>
    public static string? CurrentDirectory() => HostNative.CurrentDirectory();

    static List<string>? ReadProcEnviron()
    {
        int fd = HostNative.OpenAt(HostNative.AT_FDCWD, "/proc/self/environ", HostNative.O_CLOEXEC, 0);
        if (fd < 0) return null;
        using var file = new HostFd(fd);
        var data = new byte[16384];
        int length = 0;
        while (true)
        {
            if (length == data.Length) Array.Resize(ref data, data.Length * 2);
            long n = HostNative.Read(file, data.AsSpan(length));
            if (n < 0) return null;
            if (n == 0) break;
            length += (int)n;
        }
        var entries = new List<string>();
        var rest = data.AsSpan(0, length);
        while (rest.Length > 0)
        {
            int nul = rest.IndexOf((byte)0);
            var entry = nul < 0 ? rest : rest[..nul];
            entries.Add(Latin1Text.GetString(entry));   // (every entry as it is, as Linux's execve passes them on)
            rest = nul < 0 ? default : rest[(nul + 1)..];
        }
        return entries;
    }

    static List<string> FromRuntime()
    {
        var entries = new List<string>();
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
            entries.Add(Latin1Text.FromUtf16($"{e.Key}={e.Value}"));
        return entries;
    }
}
