// Character devices and the /dev file system: null, zero, full, random/urandom, tty (the console)
// and the stdin/stdout/stderr/fd links into /proc/self/fd.
//
// The console is a device over an injectable input Stream and output Stream (the host's stdin and
// stdout for `fast run`, memory streams in tests). A pump thread reads the input stream into a ring
// so reads never block: an empty ring is -EAGAIN with a waitable, end of stream is 0. It answers
// TCGETS/TCSETS*/TIOCGWINSZ/TIOCSWINSZ/FIONREAD/TIOCGPGRP; it keeps the termios the guest sets but
// does no line discipline of its own (the host terminal does echo and line editing).
using System.Buffers.Binary;
using Fast.Os.Linux.Abi;

namespace Fast.Os.Vfs;

public enum DeviceKind { Null, Zero, Full, Random, URandom }

/// <summary>/dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom.</summary>
public sealed class MemoryDevice : OpenFile
{
    public MemoryDevice(DeviceKind kind, int flags, string path) : base(flags, path) => Kind = kind;

    public DeviceKind Kind { get; }

    public static (uint Major, uint Minor) Numbers(DeviceKind k) => k switch
    {
        DeviceKind.Null => (1, 3), DeviceKind.Zero => (1, 5), DeviceKind.Full => (1, 7),
        DeviceKind.Random => (1, 8), _ => (1, 9),
    };

    public override long Read(Span<byte> buffer)
    {
        if (!CanRead) return Errno.EBADF.Neg();
        switch (Kind)
        {
            case DeviceKind.Null: return 0;
            case DeviceKind.Random or DeviceKind.URandom: Host.HostNative.Random(buffer); return buffer.Length;
            default: buffer.Clear(); return buffer.Length;
        }
    }

    public override long Write(ReadOnlySpan<byte> data) =>
        !CanWrite ? Errno.EBADF.Neg() : Kind == DeviceKind.Full ? Errno.ENOSPC.Neg() : data.Length;

    public override long PRead(Span<byte> buffer, long offset) => Read(buffer);
    public override long PWrite(ReadOnlySpan<byte> data, long offset) => Write(data);
    public override long Seek(long offset, int whence) => 0;

    public override long Stat(out StatInfo st)
    {
        var (ma, mi) = Numbers(Kind);
        st = StatInfo.Synthetic(StatMode.S_IFCHR | 0x1B6, 100 + mi, 0, ma, mi);
        return 0;
    }
}

/// <summary>The console device state (one per machine); each open makes a ConsoleFile.</summary>
public sealed class ConsoleDevice
{
    readonly Stream? input;
    readonly Stream output;
    readonly object gate = new();
    readonly ByteRing ring = new(4096);
    bool eof, pumping;
    Termios termios = Termios.Default();

    public ConsoleDevice(Stream? input, Stream output, Winsize? size = null)
    {
        this.input = input;
        this.output = output;
        WindowSize = size ?? new Winsize(24, 80);
        Readable = new WaitQueue(() => { lock (gate) return ring.Count > 0 || eof; });
    }

    public Winsize WindowSize { get; set; }
    public int ForegroundProcessGroup { get; set; } = 1;
    internal WaitQueue Readable { get; }

    public Termios Termios { get { lock (gate) return termios; } set { lock (gate) termios = value; } }

    public OpenFile Open(int flags, string path = "/dev/tty") => new ConsoleFile(this, flags, path);

    void StartPump()
    {
        lock (gate) { if (pumping) return; pumping = true; if (input == null) { eof = true; return; } }
        var t = new Thread(() =>
        {
            var buf = new byte[4096];
            while (true)
            {
                int n;
                try { n = input!.Read(buf, 0, buf.Length); } catch (IOException) { n = 0; } catch (ObjectDisposedException) { n = 0; }
                int off = 0;
                while (off < n)
                {
                    lock (gate)
                    {
                        while (ring.Free == 0) Monitor.Wait(gate);
                        off += ring.Write(buf.AsSpan(off, n - off));
                    }
                    Readable.WakeAll();
                }
                if (n == 0) { lock (gate) eof = true; Readable.WakeAll(); return; }
            }
        }) { IsBackground = true, Name = "console input" };
        t.Start();
    }

    internal long Read(Span<byte> dst)
    {
        StartPump();
        lock (gate)
        {
            if (dst.Length == 0) return 0;
            if (ring.Count == 0) return eof ? 0 : Errno.EAGAIN.Neg();
            int n = ring.Read(dst);
            Monitor.PulseAll(gate);
            return n;
        }
    }

    internal long Write(ReadOnlySpan<byte> data)
    {
        lock (output) { output.Write(data); output.Flush(); }
        return data.Length;
    }

    internal int Available { get { lock (gate) return ring.Count; } }
}

public sealed class ConsoleFile : OpenFile
{
    readonly ConsoleDevice dev;

    public ConsoleFile(ConsoleDevice dev, int flags, string path) : base(flags, path) => this.dev = dev;

    public ConsoleDevice Device => dev;
    public override long Read(Span<byte> buffer) => CanRead ? dev.Read(buffer) : Errno.EBADF.Neg();
    public override long Write(ReadOnlySpan<byte> data) => CanWrite ? dev.Write(data) : Errno.EBADF.Neg();
    public override IWaitable? ReadWaitable => dev.Readable;

    public override long Stat(out StatInfo st)
    {
        st = StatInfo.Synthetic(StatMode.S_IFCHR | 0x1B6, 200, 0, 5, 0);
        return 0;
    }

    public override long Ioctl(uint request, Span<byte> arg)
    {
        switch (request)
        {
            case IoctlCmd.TCGETS: dev.Termios.Write(arg); return 0;
            case IoctlCmd.TCSETS or IoctlCmd.TCSETSW or IoctlCmd.TCSETSF:
                dev.Termios = Termios.Read(arg); return 0;
            case IoctlCmd.TIOCGWINSZ: dev.WindowSize.Write(arg); return 0;
            case IoctlCmd.TIOCSWINSZ: dev.WindowSize = Winsize.Read(arg); return 0;
            case IoctlCmd.FIONREAD: BinaryPrimitives.WriteInt32LittleEndian(arg, dev.Available); return 0;
            case IoctlCmd.TIOCGPGRP: BinaryPrimitives.WriteInt32LittleEndian(arg, dev.ForegroundProcessGroup); return 0;
            case IoctlCmd.TIOCSPGRP: dev.ForegroundProcessGroup = BinaryPrimitives.ReadInt32LittleEndian(arg); return 0;
            case IoctlCmd.TCFLSH or IoctlCmd.TCSBRK or IoctlCmd.TCXONC or IoctlCmd.TIOCSCTTY: return 0;
            default: return Errno.ENOTTY.Neg();
        }
    }
}

/// <summary>The /dev file system.</summary>
public sealed class DevFs(ConsoleDevice console, VirtualFileSystem vfs) : SyntheticFs
{
    static readonly Dictionary<string, DeviceKind> Memory = new()
    {
        ["null"] = DeviceKind.Null, ["zero"] = DeviceKind.Zero, ["full"] = DeviceKind.Full,
        ["random"] = DeviceKind.Random, ["urandom"] = DeviceKind.URandom,
    };
    static readonly Dictionary<string, string> Links = new()
    {
        ["stdin"] = "/proc/self/fd/0", ["stdout"] = "/proc/self/fd/1", ["stderr"] = "/proc/self/fd/2", ["fd"] = "/proc/self/fd",
    };

    static string Name(string path) => path.Trim('/');

    public override long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file)
    {
        file = null;
        string n = Name(path);
        if ((flags & (int)OpenFlags.O_CREAT) != 0 && (flags & (int)OpenFlags.O_EXCL) != 0 && Stat(ctx, path, false, out _) == 0)
            return Errno.EEXIST.Neg();
        if (n == "")
        {
            if ((flags & (int)OpenFlags.O_ACCMODE) != 0) return Errno.EISDIR.Neg();
            file = new SyntheticDirectory("/dev", [.. Memory.Select(kv => new DirEntry(kv.Key, 100 + MemoryDevice.Numbers(kv.Value).Minor, DirentType.DT_CHR)),
                new("tty", 200, DirentType.DT_CHR), .. Links.Keys.Select((k, i) => new DirEntry(k, 300 + (ulong)i, DirentType.DT_LNK))], 99, flags);
            return 0;
        }
        if ((flags & (int)OpenFlags.O_DIRECTORY) != 0 && n != "fd") return Memory.ContainsKey(n) || n == "tty" ? Errno.ENOTDIR.Neg() : Errno.ENOENT.Neg();
        if (Memory.TryGetValue(n, out var kind)) { file = new MemoryDevice(kind, flags, "/dev/" + n); return 0; }
        if (n == "tty") { file = console.Open(flags); return 0; }
        if (Links.TryGetValue(n, out var target))
            return (flags & (int)OpenFlags.O_NOFOLLOW) != 0 ? Errno.ELOOP.Neg() : vfs.OpenFile(ctx, At.FDCWD, target, flags, mode, out file);
        if (n.StartsWith("fd/", StringComparison.Ordinal))
            return vfs.OpenFile(ctx, At.FDCWD, "/proc/self/" + n, flags, mode, out file);
        return (flags & (int)OpenFlags.O_CREAT) != 0 ? Errno.EACCES.Neg() : Errno.ENOENT.Neg();
    }

    public override long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st)
    {
        string n = Name(path);
        st = default;
        if (n == "") { st = StatInfo.Synthetic(StatMode.S_IFDIR | 0x1ED, 99); st.Nlink = 2; return 0; }
        if (Memory.TryGetValue(n, out var kind)) return new MemoryDevice(kind, 0, n).Stat(out st);
        if (n == "tty") return console.Open(0).Stat(out st);
        if (Links.TryGetValue(n, out var target))
        {
            if (followLinks) return vfs.StatPath(ctx, target, true, out st);
            st = StatInfo.Synthetic(StatMode.S_IFLNK | 0x1FF, 300, target.Length);
            return 0;
        }
        if (n.StartsWith("fd/", StringComparison.Ordinal)) return vfs.StatPath(ctx, "/proc/self/" + n, followLinks, out st);
        return Errno.ENOENT.Neg();
    }

    public override long ReadLink(FsContext ctx, string path, out string target)
    {
        string n = Name(path);
        if (Links.TryGetValue(n, out target!)) return target.Length;
        if (n.StartsWith("fd/", StringComparison.Ordinal)) return vfs.ReadLinkPath(ctx, "/proc/self/" + n, out target);
        return base.ReadLink(ctx, path, out target);
    }
}
