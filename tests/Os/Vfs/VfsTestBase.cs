using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;

namespace Fast.Tests.Os.Vfs;

/// <summary>A fresh temp directory as the guest's confined root, a VFS over it and one process context.</summary>
public abstract class VfsTestBase : IDisposable
{
    protected readonly string Root;
    protected readonly VirtualFileSystem Fs;
    protected readonly FsContext Ctx;

    protected const int RDONLY = (int)OpenFlags.O_RDONLY, WRONLY = (int)OpenFlags.O_WRONLY, RDWR = (int)OpenFlags.O_RDWR,
        CREAT = (int)OpenFlags.O_CREAT, EXCL = (int)OpenFlags.O_EXCL, TRUNC = (int)OpenFlags.O_TRUNC, APPEND = (int)OpenFlags.O_APPEND,
        DIRECTORY = (int)OpenFlags.O_DIRECTORY, NOFOLLOW = (int)OpenFlags.O_NOFOLLOW, CLOEXEC = (int)OpenFlags.O_CLOEXEC,
        NONBLOCK = (int)OpenFlags.O_NONBLOCK;
    protected const int CWD = At.FDCWD;

    protected VfsTestBase(Func<string, VirtualFileSystem>? make = null)
    {
        Root = Directory.CreateTempSubdirectory("fast-vfs-").FullName;
        Fs = (make ?? (r => VirtualFileSystem.Confined(r)))(Root);
        Ctx = Fs.NewContext();
    }

    public virtual void Dispose()
    {
        Ctx.Fds.CloseAll();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    protected static long E(Errno e) => e.Neg();

    protected string HostPath(string guest) => Path.Combine(Root, guest.TrimStart('/'));

    protected void HostWrite(string guest, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(HostPath(guest))!);
        File.WriteAllText(HostPath(guest), text);
    }

    protected int Open(string path, int flags, uint mode = 0x1A4)
    {
        long fd = Fs.OpenAt(Ctx, CWD, path, flags, mode);
        Assert.True(fd >= 0, $"open {path}: {ErrnoInfo.Name((int)-fd)}");
        return (int)fd;
    }

    protected string ReadAll(int fd)
    {
        var sb = new StringBuilder();
        var buf = new byte[4096];
        long n;
        while ((n = Fs.Read(Ctx, fd, buf)) > 0) sb.Append(Encoding.Latin1.GetString(buf, 0, (int)n));
        Assert.True(n == 0, $"read: {n}");
        return sb.ToString();
    }

    protected string ReadFile(string path)
    {
        int fd = Open(path, RDONLY);
        try { return ReadAll(fd); } finally { Fs.Close(Ctx, fd); }
    }

    protected long Write(int fd, string s) => Fs.Write(Ctx, fd, Encoding.Latin1.GetBytes(s));

    protected StatInfo Stat(string path, bool follow = true)
    {
        var buf = new byte[StatxLayout.Size];
        long r = Fs.Statx(Ctx, CWD, path, follow ? 0 : At.SYMLINK_NOFOLLOW, StatxMask.BASIC_STATS, buf);
        Assert.True(r == 0, $"statx {path}: {ErrnoInfo.Name((int)-r)}");
        return StatxLayout.Read(buf);
    }

    protected string Cwd()
    {
        var buf = new byte[4096];
        long n = Fs.Getcwd(Ctx, buf);
        Assert.True(n > 0);
        return Encoding.Latin1.GetString(buf, 0, (int)n - 1);
    }
}
