using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;

namespace Fast.Tests.Os.Vfs;

/// <summary>Every path and descriptor operation on a real temp directory (the --root mode).</summary>
public class FileOperationTests : VfsTestBase
{
    [Fact]
    public void CreateWriteSeekReadTruncate()
    {
        int fd = Open("/f.txt", CREAT | RDWR);
        Assert.Equal(5, Write(fd, "hello"));
        Assert.Equal(0, Fs.Lseek(Ctx, fd, 0, Whence.SET));
        Assert.Equal("hello", ReadAll(fd));
        var two = new byte[2];
        Assert.Equal(2, Fs.PRead(Ctx, fd, two, 1));
        Assert.Equal("el", Encoding.ASCII.GetString(two));
        Assert.Equal(2, Fs.PWrite(Ctx, fd, "XY"u8, 3));
        Assert.Equal(5, Fs.Lseek(Ctx, fd, 0, Whence.CUR)); // pread/pwrite leave the offset alone
        Assert.Equal(3, Fs.Lseek(Ctx, fd, -2, Whence.END));
        Assert.Equal(0, Fs.Ftruncate(Ctx, fd, 2));
        var st = new byte[StatLayout.Size];
        Assert.Equal(0, Fs.Fstat(Ctx, fd, st));
        Assert.Equal(2L, BitConverter.ToInt64(st, StatLayout.OffSize));
        Assert.Equal(StatMode.S_IFREG, BitConverter.ToUInt32(st, StatLayout.OffMode) & StatMode.S_IFMT);
        Assert.Equal(E(Errno.EINVAL), Fs.Lseek(Ctx, fd, -100, Whence.SET));
        Assert.Equal(E(Errno.EINVAL), Fs.Lseek(Ctx, fd, 0, 99));
        Assert.Equal(E(Errno.EINVAL), Fs.Ftruncate(Ctx, fd, -1));
        Assert.Equal(E(Errno.EINVAL), Fs.PRead(Ctx, fd, two, -1));
        Assert.Equal(0, Fs.Close(Ctx, fd));
        Assert.Equal("he", File.ReadAllText(HostPath("f.txt")));
    }

    [Fact]
    public void OpenFlagsAndErrors()
    {
        HostWrite("/a", "abc");
        Directory.CreateDirectory(HostPath("/dir"));
        File.CreateSymbolicLink(HostPath("/link"), "a");
        Assert.Equal(E(Errno.EEXIST), Fs.OpenAt(Ctx, CWD, "/a", CREAT | EXCL | WRONLY, 0x1A4));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/missing", RDONLY, 0));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "", RDONLY, 0));
        Assert.Equal(E(Errno.ENOTDIR), Fs.OpenAt(Ctx, CWD, "/a", RDONLY | DIRECTORY, 0));
        Assert.Equal(E(Errno.ENOTDIR), Fs.OpenAt(Ctx, CWD, "/a/b", RDONLY, 0));
        Assert.Equal(E(Errno.EISDIR), Fs.OpenAt(Ctx, CWD, "/dir", WRONLY, 0));
        Assert.Equal(E(Errno.ELOOP), Fs.OpenAt(Ctx, CWD, "/link", RDONLY | NOFOLLOW, 0));
        Assert.Equal(E(Errno.EINVAL), Fs.OpenAt(Ctx, CWD, "/new", CREAT | DIRECTORY | RDWR, 0x1A4));
        Assert.Equal("abc", ReadFile("/link"));

        int w = Open("/a", WRONLY | APPEND);
        Fs.Lseek(Ctx, w, 0, Whence.SET);
        Write(w, "def");
        Assert.Equal(E(Errno.EBADF), Fs.Read(Ctx, w, new byte[4]));
        Fs.Close(Ctx, w);
        Assert.Equal("abcdef", ReadFile("/a"));
        int t = Open("/a", WRONLY | TRUNC);
        Assert.Equal(E(Errno.EBADF), Fs.Read(Ctx, t, new byte[1]));
        Fs.Close(Ctx, t);
        Assert.Equal("", ReadFile("/a"));
        int r = Open("/a", RDONLY);
        Assert.Equal(E(Errno.EBADF), Write(r, "x"));
        Assert.Equal(E(Errno.EINVAL), Fs.Ftruncate(Ctx, r, 0));
        int d = Open("/dir", RDONLY | DIRECTORY);
        Assert.Equal(E(Errno.EISDIR), Fs.Read(Ctx, d, new byte[4]));
        Assert.Equal(E(Errno.EBADF), Fs.Read(Ctx, 77, new byte[4]));
        Assert.Equal(E(Errno.EBADF), Fs.Close(Ctx, 77));
        Assert.Equal(E(Errno.EBADF), Fs.Fstat(Ctx, -1, new byte[StatLayout.Size]));
    }

    [Fact]
    public void StatVariants()
    {
        HostWrite("/f", "12345");
        File.CreateSymbolicLink(HostPath("/l"), "f");
        Assert.Equal(5, Stat("/l").Size);
        Assert.True(StatMode.IsLink(Stat("/l", follow: false).Mode));
        var buf = new byte[StatLayout.Size];
        Assert.Equal(0, Fs.NewFstatAt(Ctx, CWD, "/l", buf, At.SYMLINK_NOFOLLOW));
        Assert.Equal(StatMode.S_IFLNK, BitConverter.ToUInt32(buf, StatLayout.OffMode) & StatMode.S_IFMT);
        int fd = Open("/f", RDONLY);
        Assert.Equal(0, Fs.NewFstatAt(Ctx, fd, "", buf, At.EMPTY_PATH));
        Assert.Equal(5L, BitConverter.ToInt64(buf, StatLayout.OffSize));
        Assert.Equal(E(Errno.ENOENT), Fs.NewFstatAt(Ctx, fd, "", buf, 0));
        Assert.Equal(E(Errno.ENOTDIR), Fs.NewFstatAt(Ctx, fd, "x", buf, 0));
        Assert.Equal(E(Errno.EINVAL), Fs.NewFstatAt(Ctx, CWD, "/f", buf, 0x1));
        Assert.Equal(E(Errno.ENOTDIR), Fs.NewFstatAt(Ctx, CWD, "/f/x", buf, 0));
        Assert.Equal(0, Fs.NewFstatAt(Ctx, CWD, "", buf, At.EMPTY_PATH)); // the cwd
        Assert.Equal(StatMode.S_IFDIR, BitConverter.ToUInt32(buf, StatLayout.OffMode) & StatMode.S_IFMT);
        var sx = new byte[StatxLayout.Size];
        Assert.Equal(0, Fs.Statx(Ctx, CWD, "/f", 0, StatxMask.BASIC_STATS, sx));
        Assert.Equal(StatxMask.BASIC_STATS, BitConverter.ToUInt32(sx, 0) & StatxMask.BASIC_STATS);
        Assert.Equal(E(Errno.EINVAL), Fs.Statx(Ctx, CWD, "/f", 0, 0x80000000, sx));
    }

    [Fact]
    public void ReadlinkAndAccess()
    {
        HostWrite("/f", "x");
        File.CreateSymbolicLink(HostPath("/l"), "some/where");
        var buf = new byte[64];
        Assert.Equal(10, Fs.ReadLinkAt(Ctx, CWD, "/l", buf));
        Assert.Equal("some/where", Encoding.ASCII.GetString(buf, 0, 10));
        Assert.Equal(4, Fs.ReadLinkAt(Ctx, CWD, "/l", buf.AsSpan(0, 4)));
        Assert.Equal(E(Errno.EINVAL), Fs.ReadLinkAt(Ctx, CWD, "/f", buf));
        Assert.Equal(E(Errno.EINVAL), Fs.ReadLinkAt(Ctx, CWD, "/l", Span<byte>.Empty));
        Assert.Equal(E(Errno.ENOENT), Fs.ReadLinkAt(Ctx, CWD, "/nope", buf));
        Assert.Equal(0, Fs.FaccessAt(Ctx, CWD, "/f", AccessBits.F_OK));
        Assert.Equal(0, Fs.FaccessAt(Ctx, CWD, "/f", AccessBits.R_OK | AccessBits.W_OK));
        Assert.Equal(E(Errno.ENOENT), Fs.FaccessAt(Ctx, CWD, "/l", AccessBits.F_OK)); // dangling
        Assert.Equal(0, Fs.FaccessAt(Ctx, CWD, "/l", AccessBits.F_OK, At.SYMLINK_NOFOLLOW));
        Assert.Equal(E(Errno.EINVAL), Fs.FaccessAt(Ctx, CWD, "/f", 8));
        Assert.Equal(E(Errno.EACCES), Fs.FaccessAt(Ctx, CWD, "/f", AccessBits.X_OK));
    }

    [Fact]
    public void MkdirUnlinkRename()
    {
        Assert.Equal(0, Fs.MkdirAt(Ctx, CWD, "/d", 0x1ED));
        Assert.True(Directory.Exists(HostPath("/d")));
        Assert.Equal(E(Errno.EEXIST), Fs.MkdirAt(Ctx, CWD, "/d", 0x1ED));
        Assert.Equal(E(Errno.EEXIST), Fs.MkdirAt(Ctx, CWD, "/", 0x1ED));
        Assert.Equal(E(Errno.ENOENT), Fs.MkdirAt(Ctx, CWD, "/x/y", 0x1ED));
        HostWrite("/d/f", "1");
        Assert.Equal(E(Errno.ENOTDIR), Fs.MkdirAt(Ctx, CWD, "/d/f/g", 0x1ED));
        Assert.Equal(E(Errno.EISDIR), Fs.UnlinkAt(Ctx, CWD, "/d", 0));
        Assert.Equal(E(Errno.ENOTEMPTY), Fs.UnlinkAt(Ctx, CWD, "/d", At.REMOVEDIR));
        Assert.Equal(E(Errno.ENOTDIR), Fs.UnlinkAt(Ctx, CWD, "/d/f", At.REMOVEDIR));
        Assert.Equal(E(Errno.ENOTDIR), Fs.UnlinkAt(Ctx, CWD, "/d/f/", 0));
        Assert.Equal(E(Errno.EINVAL), Fs.UnlinkAt(Ctx, CWD, "/d/f", 0x1));
        Assert.Equal(E(Errno.EINVAL), Fs.UnlinkAt(Ctx, CWD, "/d/.", At.REMOVEDIR));
        Assert.Equal(E(Errno.ENOENT), Fs.UnlinkAt(Ctx, CWD, "/nope", 0));

        HostWrite("/g", "2");
        Assert.Equal(E(Errno.EEXIST), Fs.RenameAt2(Ctx, CWD, "/g", CWD, "/d/f", RenameFlags.NOREPLACE));
        Assert.Equal(0, Fs.RenameAt2(Ctx, CWD, "/g", CWD, "/d/f"));
        Assert.Equal("2", File.ReadAllText(HostPath("/d/f")));
        Assert.False(File.Exists(HostPath("/g")));
        Assert.Equal(0, Fs.MkdirAt(Ctx, CWD, "/e", 0x1ED));
        Assert.Equal(E(Errno.ENOTEMPTY), Fs.RenameAt2(Ctx, CWD, "/e", CWD, "/d"));
        Assert.Equal(E(Errno.EXDEV), Fs.RenameAt2(Ctx, CWD, "/d/f", CWD, "/dev/null"));
        Assert.Equal(E(Errno.ENOENT), Fs.RenameAt2(Ctx, CWD, "/zzz", CWD, "/yyy"));
        Assert.Equal(0, Fs.UnlinkAt(Ctx, CWD, "/d/f", 0));
        Assert.Equal(0, Fs.UnlinkAt(Ctx, CWD, "/d", At.REMOVEDIR));
        Assert.False(Directory.Exists(HostPath("/d")));
    }

    [Fact]
    public void WorkingDirectoryAndRelativeLookups()
    {
        Directory.CreateDirectory(HostPath("/a/b"));
        HostWrite("/a/b/f", "in b");
        File.CreateSymbolicLink(HostPath("/lb"), "a/b");
        Assert.Equal("/", Cwd());
        Assert.Equal(0, Fs.Chdir(Ctx, "a"));
        Assert.Equal("/a", Cwd());
        Assert.Equal("in b", ReadFile("b/f"));
        Assert.Equal(0, Fs.Chdir(Ctx, "/lb"));
        Assert.Equal("/a/b", Cwd()); // physical path, as Linux
        Assert.Equal("in b", ReadFile("f"));
        Assert.Equal(0, Fs.Chdir(Ctx, "../../../.."));
        Assert.Equal("/", Cwd());
        Assert.Equal(E(Errno.ENOTDIR), Fs.Chdir(Ctx, "/a/b/f"));
        Assert.Equal(E(Errno.ENOENT), Fs.Chdir(Ctx, "/nope"));
        Assert.Equal(E(Errno.ERANGE), Fs.Getcwd(Ctx, new byte[1]));

        int dfd = Open("/a", RDONLY | DIRECTORY);
        Assert.True(Fs.OpenAt(Ctx, dfd, "b/f", RDONLY, 0) >= 0);
        Assert.Equal(0, Fs.MkdirAt(Ctx, dfd, "c", 0x1ED));
        Assert.True(Directory.Exists(HostPath("/a/c")));
        int f = Open("/a/b/f", RDONLY);
        Assert.Equal(E(Errno.ENOTDIR), Fs.OpenAt(Ctx, f, "x", RDONLY, 0));
        Assert.Equal(E(Errno.EBADF), Fs.OpenAt(Ctx, 99, "x", RDONLY, 0));
        Assert.Equal(0, Fs.Fchdir(Ctx, dfd));
        Assert.Equal("/a", Cwd());
        Assert.Equal(E(Errno.ENOTDIR), Fs.Fchdir(Ctx, f));
    }

    [Fact]
    public void GetDents64IsResumableAndLaidOutAsLinux()
    {
        Directory.CreateDirectory(HostPath("/d/sub"));
        var names = Enumerable.Range(0, 40).Select(i => $"file-{i:D2}").ToList();
        foreach (var n in names) HostWrite("/d/" + n, n);
        int fd = Open("/d", RDONLY | DIRECTORY);
        var seen = new List<(ulong Ino, long Off, byte Type, string Name)>();
        var buf = new byte[100]; // a few records per call
        long n2;
        while ((n2 = Fs.GetDents64(Ctx, fd, buf)) > 0)
        {
            var recs = Dirent64.Parse(buf.AsSpan(0, (int)n2));
            Assert.NotEmpty(recs);
            int p = 0;
            foreach (var r in recs)
            {
                int reclen = BitConverter.ToUInt16(buf, p + Dirent64.OffReclen);
                Assert.Equal(0, reclen % 8);
                Assert.Equal(Dirent64.RecordLength(Encoding.UTF8.GetByteCount(r.Name)), reclen);
                Assert.Equal(0, buf[p + Dirent64.OffName + r.Name.Length]); // NUL-terminated
                p += reclen;
            }
            seen.AddRange(recs);
        }
        Assert.Equal(0, n2);
        Assert.Equal(names.Concat(["sub", ".", ".."]).Order(), seen.Select(s => s.Name).Order());
        Assert.Equal(DirentType.DT_DIR, seen.Single(s => s.Name == "sub").Type);
        Assert.Equal(DirentType.DT_REG, seen.Single(s => s.Name == "file-07").Type);
        Assert.Equal(0, Fs.Lseek(Ctx, fd, 0, Whence.SET));
        Assert.True(Fs.GetDents64(Ctx, fd, new byte[4096]) > 0);
        Assert.Equal(E(Errno.EINVAL), Fs.GetDents64(Ctx, Open("/d", RDONLY | DIRECTORY), new byte[8]));
        Assert.Equal(E(Errno.ENOTDIR), Fs.GetDents64(Ctx, Open("/d/file-00", RDONLY), buf));
        Assert.Equal(E(Errno.EBADF), Fs.GetDents64(Ctx, 123, buf));
    }

    [Fact]
    public void SyntheticDirectoryRecordsAreExact()
    {
        int fd = Open("/dev", RDONLY | DIRECTORY);
        var buf = new byte[24];
        Assert.Equal(24, Fs.GetDents64(Ctx, fd, buf)); // "." alone fits in 24 bytes
        Assert.Equal(99UL, BitConverter.ToUInt64(buf, 0));
        Assert.Equal(1L, BitConverter.ToInt64(buf, 8));
        Assert.Equal(24, BitConverter.ToUInt16(buf, 16));
        Assert.Equal(DirentType.DT_DIR, buf[18]);
        Assert.Equal((byte)'.', buf[19]);
        Assert.Equal(0, buf[20]);
        var rest = new byte[4096];
        long n = Fs.GetDents64(Ctx, fd, rest);
        var names = Dirent64.Parse(rest.AsSpan(0, (int)n)).Select(r => r.Name).ToList();
        Assert.Equal("..", names[0]);
        Assert.Contains("null", names);
        Assert.Contains("tty", names);
        Assert.Equal(0, Fs.GetDents64(Ctx, fd, rest));
        Assert.Equal(1, Fs.Lseek(Ctx, fd, 1, Whence.SET));
        Assert.Equal("..", Dirent64.Parse(rest.AsSpan(0, (int)Fs.GetDents64(Ctx, fd, rest)))[0].Name);
    }

    [Fact]
    public void ReadvWritev()
    {
        int fd = Open("/v", CREAT | RDWR);
        Assert.Equal(9, Fs.Writev(Ctx, fd, [new ReadOnlyMemory<byte>("abc"u8.ToArray()), ReadOnlyMemory<byte>.Empty, new("defghi"u8.ToArray())]));
        Fs.Lseek(Ctx, fd, 0, Whence.SET);
        var a = new byte[2]; var b = new byte[4]; var c = new byte[10];
        Assert.Equal(9, Fs.Readv(Ctx, fd, [a, b, c]));
        Assert.Equal("ab|cdef|ghi", Encoding.ASCII.GetString(a) + "|" + Encoding.ASCII.GetString(b) + "|" + Encoding.ASCII.GetString(c, 0, 3));
        Assert.Equal(3, Fs.Readv(Ctx, fd, [c], offset: 6));
        Assert.Equal(E(Errno.EINVAL), Fs.Readv(Ctx, fd, Enumerable.Repeat(new Memory<byte>(a), 1025).ToList()));
    }
}
