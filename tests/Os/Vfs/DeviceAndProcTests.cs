using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;

namespace Fast.Tests.Os.Vfs;

/// <summary>/dev (null, zero, urandom, tty) and /proc.</summary>
public class DeviceAndProcTests : VfsTestBase
{
    sealed class FakeProcess : IProcessView
    {
        public int Pid => 42;
        public string ExePath => "/bin/prog";
        public string Maps() => "00400000-00401000 r-xp 00000000 00:00 0 /bin/prog\n";
    }

    static readonly MemoryStream ConsoleOut = new();

    public DeviceAndProcTests() : base(root => VirtualFileSystem.Confined(root,
        new ConsoleDevice(new MemoryStream("typed\n"u8.ToArray()), ConsoleOut, new Winsize(30, 100))))
    { }

    [Fact]
    public void NullZeroUrandom()
    {
        var buf = new byte[64];
        int n = Open("/dev/null", RDWR);
        Assert.Equal(0, Fs.Read(Ctx, n, buf));
        Assert.Equal(10, Fs.Write(Ctx, n, new byte[10]));
        int z = Open("/dev/zero", RDONLY);
        Array.Fill(buf, (byte)7);
        Assert.Equal(64, Fs.Read(Ctx, z, buf));
        Assert.All(buf, b => Assert.Equal(0, b));
        int u = Open("/dev/urandom", RDONLY);
        Assert.Equal(64, Fs.Read(Ctx, u, buf));
        Assert.Contains(buf, b => b != 0);
        var st = Stat("/dev/null");
        Assert.Equal(StatMode.S_IFCHR, st.Mode & StatMode.S_IFMT);
        Assert.Equal((1u, 3u), (st.RdevMajor, st.RdevMinor));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/dev/nothing", RDONLY, 0));
        Assert.Equal(E(Errno.EACCES), Fs.MkdirAt(Ctx, CWD, "/dev/newdir", 0x1ED));
        Assert.Equal(E(Errno.ENOTTY), Fs.Ioctl(Ctx, n, IoctlCmd.TCGETS, new byte[Termios.Size]));
    }

    [Fact]
    public void ConsoleTty()
    {
        int t = Open("/dev/tty", RDWR);
        Assert.Equal(3, Fs.Write(Ctx, t, "out"u8));
        lock (ConsoleOut) Assert.Contains("out", Encoding.ASCII.GetString(ConsoleOut.ToArray()));
        var file = Ctx.Fds.Get(t)!;
        var got = new StringBuilder();
        var buf = new byte[16];
        while (true)
        {
            long n = Fs.Read(Ctx, t, buf);
            if (n == 0) break;
            if (n == E(Errno.EAGAIN)) { var ev = new ManualResetEventSlim(); file.ReadWaitable!.AddWaiter(ev.Set); Assert.True(ev.Wait(5000)); continue; }
            got.Append(Encoding.ASCII.GetString(buf, 0, (int)n));
        }
        Assert.Equal("typed\n", got.ToString());

        var tio = new byte[Termios.Size];
        Assert.Equal(0, Fs.Ioctl(Ctx, t, IoctlCmd.TCGETS, tio));
        var termios = Termios.Read(tio);
        Assert.NotEqual(0u, termios.Lflag & Termios.ICANON);
        termios.Lflag &= ~(Termios.ICANON | Termios.ECHO);
        termios.Write(tio);
        Assert.Equal(0, Fs.Ioctl(Ctx, t, IoctlCmd.TCSETS, tio));
        Array.Clear(tio);
        Fs.Ioctl(Ctx, t, IoctlCmd.TCGETS, tio);
        Assert.Equal(0u, Termios.Read(tio).Lflag & Termios.ICANON);
        var ws = new byte[Winsize.Size];
        Assert.Equal(0, Fs.Ioctl(Ctx, t, IoctlCmd.TIOCGWINSZ, ws));
        Assert.Equal(new Winsize(30, 100), Winsize.Read(ws));
        Assert.Equal(E(Errno.ENOTTY), Fs.Ioctl(Ctx, t, 0x1234, Span<byte>.Empty));
        HostWrite("/f", "x");
        Assert.Equal(E(Errno.ENOTTY), Fs.Ioctl(Ctx, Open("/f", RDONLY), IoctlCmd.TCGETS, tio));
        Assert.Equal(E(Errno.EBADF), Fs.Ioctl(Ctx, 99, IoctlCmd.TCGETS, tio));
    }

    [Fact]
    public void StdioLinksAndInstall()
    {
        Fs.InstallStdio(Ctx);
        Assert.Equal(3, Ctx.Fds.Snapshot().Count);
        int o = Open("/dev/stdout", WRONLY);
        Assert.Same(Ctx.Fds.Get(1), Ctx.Fds.Get(o));
        var buf = new byte[64];
        Assert.Equal(15, Fs.ReadLinkAt(Ctx, CWD, "/dev/stdout", buf));
        Assert.Equal("/proc/self/fd/1", Encoding.ASCII.GetString(buf, 0, 15));
    }

    [Fact]
    public void SysAndProcReportTheEmulatedCoresNotTheHosts()
    {
        Fs.Sys.Cpus = () => 3;
        Fs.Proc.Cpus = () => 3;
        Assert.Equal("0-2\n", ReadFile("/sys/devices/system/cpu/online"));
        Assert.Equal("0-2\n", ReadFile("/sys/devices/system/cpu/possible"));
        Assert.Equal("1\n", ReadFile("/sys/devices/system/cpu/cpu2/online"));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/sys/devices/system/cpu/cpu3", RDONLY | DIRECTORY, 0));
        var buf = new byte[4096];
        int dir = Open("/sys/devices/system/cpu", RDONLY | DIRECTORY);
        var names = Dirent64.Parse(buf.AsSpan(0, (int)Fs.GetDents64(Ctx, dir, buf))).Select(e => e.Name).ToList();
        Assert.Equal(3, names.Count(n => n.StartsWith("cpu")));
        Assert.True(StatMode.IsDir(Stat("/sys/devices/system/cpu/cpu0").Mode));
        Assert.Equal(3, ReadFile("/proc/cpuinfo").Split("processor").Length - 1);
        Assert.Equal(3, ReadFile("/proc/stat").Split('\n').Count(l => l.StartsWith("cpu") && char.IsDigit(l[3])));
        Fs.Sys.Cpus = () => 1;
        Assert.Equal("0\n", ReadFile("/sys/devices/system/cpu/online"));
        Assert.Equal(E(Errno.EACCES), Fs.OpenAt(Ctx, CWD, "/sys/devices/system/cpu/online", WRONLY, 0));
    }

    [Fact]
    public void ProcSelf()
    {
        Ctx.Process = new FakeProcess();
        var buf = new byte[256];
        Assert.Equal(9, Fs.ReadLinkAt(Ctx, CWD, "/proc/self/exe", buf));
        Assert.Equal("/bin/prog", Encoding.ASCII.GetString(buf, 0, 9));
        Assert.Equal(2, Fs.ReadLinkAt(Ctx, CWD, "/proc/self", buf));
        Assert.Equal("42", Encoding.ASCII.GetString(buf, 0, 2));
        Assert.StartsWith("00400000-00401000 r-xp", ReadFile("/proc/self/maps"));
        Assert.StartsWith("00400000", ReadFile("/proc/42/maps"));
        Assert.Contains("processor\t: 0", ReadFile("/proc/cpuinfo"));
        Assert.Contains("MemTotal:", ReadFile("/proc/meminfo"));
        Fs.Proc.CpuInfo = () => "custom\n";
        Assert.Equal("custom\n", ReadFile("/proc/cpuinfo"));

        HostWrite("/data.txt", "d");
        int fd = Open("/data.txt", RDONLY);
        long n = Fs.ReadLinkAt(Ctx, CWD, $"/proc/self/fd/{fd}", buf);
        Assert.Equal("/data.txt", Encoding.ASCII.GetString(buf, 0, (int)n));
        int dir = Open("/proc/self/fd", RDONLY | DIRECTORY);
        var names = Dirent64.Parse(buf.AsSpan(0, (int)Fs.GetDents64(Ctx, dir, buf))).Select(e => e.Name).ToList();
        Assert.Contains(fd.ToString(), names);
        Assert.Contains(dir.ToString(), names);
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/proc/self/fd/77", RDONLY, 0));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/proc/self/nothing", RDONLY, 0));
        Assert.Equal(E(Errno.EACCES), Fs.OpenAt(Ctx, CWD, "/proc/cpuinfo", WRONLY, 0));
        Assert.Equal(E(Errno.EISDIR), Fs.OpenAt(Ctx, CWD, "/proc/self", WRONLY, 0));
        Assert.True(StatMode.IsDir(Stat("/proc/self").Mode));
        Assert.True(StatMode.IsLink(Stat("/proc/self/exe", follow: false).Mode));
        Assert.Equal(0, Fs.Chdir(Ctx, "/proc/self"));
        Assert.Equal("/proc/self", Cwd());
        Assert.Equal("00400000", ReadFile("maps")[..8]);
    }
}
