// NameserverReplica: one core's instance of the distributed nameserver. Every core keeps a full
// replica of the name table; a change (register, deregister, a process's exit) is applied on
// the core where it was asked and sent as a message to every other core, which applies it on its
// own thread (CoreKernel.Post). Lookups and enumerations read only the local replica; a lookup
// of a name not (yet) there waits for the next change to arrive, up to the caller's timeout.
//
// A record names a Service: the kernel object a server accepts connections from; lookup makes
// a new channel to it (LMP when the client runs on the server's core, else UMP).
//
// Names are hierarchical ('/'-separated, e.g. /net/udp, /demo/echo); enumerate takes a prefix.
// Locking: one lock per replica (its core applies changes; any core may read).
using Fast.Os.Vfs;

namespace Fast.Os.Nameserver;

public sealed record ServiceRecord(string Name, Service Service, int Core, int Pid);

public sealed class NameserverReplica
{
    // A Dictionary (Enumerate sorts): SortedDictionary<string, ...> is JIT-compiled at every start,
    // the framework has no precompiled code for its instantiation.
    readonly Dictionary<string, ServiceRecord> names = new(StringComparer.Ordinal);   // guarded by names
    long version;
    public int Core { get; }
    /// <summary>Ready after every change (waiters re-check what they wanted).</summary>
    public WaitQueue Changed { get; }
    long seen;

    public NameserverReplica(int core)
    {
        Core = core;
        Changed = new WaitQueue(() => false);
    }

    public long Version => Interlocked.Read(ref version);

    public static bool IsValidName(string name) =>
        name.Length is > 1 and <= 255 && name[0] == '/' && !name.EndsWith('/') && !name.Contains("//") && !name.Any(char.IsControl);

    /// <summary>Applies a registration; false if the name is taken (by another service).</summary>
    public bool ApplyRegister(ServiceRecord record)
    {
        lock (names)
        {
            if (names.TryGetValue(record.Name, out var old) && old.Service != record.Service) return false;
            names[record.Name] = record;
            version++;
        }
        Changed.WakeAll();
        return true;
    }

    public bool ApplyDeregister(string name, Service? only = null)
    {
        bool removed;
        lock (names)
        {
            removed = names.TryGetValue(name, out var r) && (only is null || r.Service == only) && names.Remove(name);
            if (removed) version++;
        }
        if (removed) Changed.WakeAll();
        return removed;
    }

    /// <summary>Drops every name a process registered (its exit).</summary>
    public int ApplyProcessExit(int pid)
    {
        int n;
        lock (names)
        {
            var gone = names.Values.Where(r => r.Pid == pid).Select(r => r.Name).ToList();
            foreach (var g in gone) names.Remove(g);
            n = gone.Count;
            if (n > 0) version++;
        }
        if (n > 0) Changed.WakeAll();
        return n;
    }

    public ServiceRecord? Lookup(string name)
    {
        lock (names) return names.GetValueOrDefault(name);
    }

    /// <summary>Names under a prefix ("/demo" matches /demo and /demo/...; "" or "/" everything), sorted.</summary>
    public List<string> Enumerate(string prefix)
    {
        prefix = prefix.TrimEnd('/');
        List<string> found;
        lock (names)
            found = names.Keys.Where(n => prefix.Length == 0 || n == prefix || n.StartsWith(prefix + "/", StringComparison.Ordinal)).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    public int Count { get { lock (names) return names.Count; } }
}
