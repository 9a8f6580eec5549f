using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;
using Fast.Os.Vfs.Host;

namespace Fast.Tests.Os.Vfs;

/// <summary>--root DIR must never reach a host file outside DIR; -L SYSROOT prefers the sysroot.</summary>
public class ConfinementTests : VfsTestBase
{
    const string Inside = "inside-hostname\n";

    public ConfinementTests() => HostWrite("/etc/hostname", Inside);

    [Fact]
    public void DotDotStaysAtTheRoot()
    {
        Assert.Equal(Inside, ReadFile("../../etc/hostname"));
        Assert.Equal(Inside, ReadFile("/../../../../etc/hostname"));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "../../etc/passwd", RDONLY, 0));
        Assert.Equal(0, Fs.Chdir(Ctx, "../../.."));
        Assert.Equal("/", Cwd());
    }

    [Fact]
    public void AbsoluteSymlinkToEtcResolvesInsideTheRoot()
    {
        File.CreateSymbolicLink(HostPath("/etclink"), "/etc");
        File.CreateSymbolicLink(HostPath("/passwd"), "/etc/passwd");
        Assert.Equal(Inside, ReadFile("/etclink/hostname"));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/passwd", RDONLY, 0));
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/etclink/passwd", RDONLY, 0));
        var buf = new byte[StatLayout.Size];
        Assert.Equal(E(Errno.ENOENT), Fs.NewFstatAt(Ctx, CWD, "/passwd", buf, 0));
        Assert.Equal(E(Errno.ENOENT), Fs.FaccessAt(Ctx, CWD, "/passwd", AccessBits.F_OK));
        Assert.Equal(0, Fs.Chdir(Ctx, "/etclink"));
        Assert.Equal("/etc", Cwd());
        // Creating through the link creates inside the root.
        Assert.True(Fs.OpenAt(Ctx, CWD, "/etclink/created-by-test", CREAT | WRONLY, 0x1A4) >= 0);
        Assert.True(File.Exists(HostPath("/etc/created-by-test")));
        Assert.False(File.Exists("/etc/created-by-test"));
        // A dangling absolute link followed by O_CREAT lands inside too.
        File.CreateSymbolicLink(HostPath("/tmpfile"), "/tmp/fast-vfs-escape-probe");
        Assert.True(Fs.OpenAt(Ctx, CWD, "/tmpfile", CREAT | WRONLY, 0x1A4) is >= 0 or -2);
        Assert.False(File.Exists("/tmp/fast-vfs-escape-probe"));
    }

    [Fact]
    public void RelativeSymlinkUpwardsIsClampedAtTheRoot()
    {
        Directory.CreateDirectory(HostPath("/a/b"));
        File.CreateSymbolicLink(HostPath("/a/b/up"), "../../../../../..");
        Assert.Equal(Inside, ReadFile("/a/b/up/etc/hostname"));
        Assert.Equal(0, Fs.Chdir(Ctx, "/a/b/up"));
        Assert.Equal("/", Cwd());
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/a/b/up/etc/passwd", RDONLY, 0));
    }

    [Fact]
    public void MutationsThroughSymlinkedParentsStayInside()
    {
        File.CreateSymbolicLink(HostPath("/tmplink"), "/tmp");
        string probe = "fast-vfs-probe-" + Guid.NewGuid().ToString("N");
        Assert.Equal(E(Errno.ENOENT), Fs.MkdirAt(Ctx, CWD, "/tmplink/" + probe, 0x1ED)); // DIR/tmp does not exist
        Assert.False(Directory.Exists("/tmp/" + probe));
        Directory.CreateDirectory(HostPath("/tmp"));
        Assert.Equal(0, Fs.MkdirAt(Ctx, CWD, "/tmplink/" + probe, 0x1ED));
        Assert.True(Directory.Exists(HostPath("/tmp/" + probe)));
        Assert.False(Directory.Exists("/tmp/" + probe));
        File.CreateSymbolicLink(HostPath("/etclink"), "/etc");
        Assert.Equal(0, Fs.UnlinkAt(Ctx, CWD, "/etclink/hostname", 0));
        Assert.False(File.Exists(HostPath("/etc/hostname")));
        Assert.Equal(E(Errno.ENOENT), Fs.RenameAt2(Ctx, CWD, "/etclink/passwd", CWD, "/stolen"));
        var buf = new byte[256];
        Assert.Equal(E(Errno.ENOENT), Fs.ReadLinkAt(Ctx, CWD, "/etclink/os-release", buf));
    }

    [Fact]
    public void MagicLinksAreRefused()
    {
        File.CreateSymbolicLink(HostPath("/magic"), "/proc/self/root");
        Directory.CreateDirectory(HostPath("/hostproc"));
        // Inside the root, /proc/self/root means DIR/proc/self/root, which does not exist.
        Assert.Equal(E(Errno.ENOENT), Fs.OpenAt(Ctx, CWD, "/magic/etc/passwd", RDONLY, 0));
    }

    [Fact]
    public void RenameRaceNeverEscapes()
    {
        // DIR/d/x flips between a real directory and a symlink to "/" while another thread opens
        // paths that climb out of it. Whatever the interleaving, only DIR's files may be read.
        Directory.CreateDirectory(HostPath("/d/x/sub"));
        File.CreateSymbolicLink(HostPath("/d/y"), "/");
        using var stop = new CancellationTokenSource();
        long swaps = 0;
        var swapper = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                HostNative.Renameat2(HostNative.AT_FDCWD, HostPath("/d/x"), HostNative.AT_FDCWD, HostPath("/d/y"), RenameFlags.EXCHANGE);
                swaps++;
            }
        });
        swapper.Start();
        int opened = 0;
        var buf = new byte[256];
        try
        {
            string[] paths = ["d/x/../../etc/hostname", "/d/x/sub/../../../../etc/hostname", "/d/x/etc/hostname", "d/y/../../../etc/hostname"];
            for (int i = 0; i < 4000; i++)
            {
                string p = paths[i % paths.Length];
                long fd = Fs.OpenAt(Ctx, CWD, p, RDONLY, 0);
                if (fd < 0) { Assert.True(fd is -2 or -20 or -40, $"{p}: {fd}"); continue; }
                long n = Fs.Read(Ctx, (int)fd, buf);
                Assert.Equal(Inside, Encoding.ASCII.GetString(buf, 0, (int)n));
                Fs.Close(Ctx, (int)fd);
                opened++;
            }
        }
        finally
        {
            stop.Cancel();
            swapper.Join();
        }
        Assert.True(opened > 0);
        Assert.True(swaps > 0);
    }

    [Fact]
    public void SysrootIsConsultedFirstThenTheHost()
    {
        string sysroot = Path.Combine(Root, "sysroot");
        string hostOnly = Path.Combine(Root, "hostonly.txt");
        File.WriteAllText(hostOnly, "host");
        Directory.CreateDirectory(Path.Combine(sysroot, "lib"));
        File.WriteAllText(Path.Combine(sysroot, "lib", "marker"), "sysroot");
        // a path that exists both in the sysroot and on the host: the sysroot's wins
        string both = Path.Combine(Root, "both.txt");
        File.WriteAllText(both, "host-both");
        Directory.CreateDirectory(Path.Combine(sysroot, Path.GetDirectoryName(both)!.TrimStart('/')));
        File.WriteAllText(Path.Combine(sysroot, both.TrimStart('/')), "sysroot-both");

        var vfs = VirtualFileSystem.WithSysroot(sysroot);
        var ctx = vfs.NewContext();
        string Read(string p)
        {
            long fd = vfs.OpenAt(ctx, CWD, p, RDONLY, 0);
            Assert.True(fd >= 0, $"{p}: {fd}");
            var b = new byte[100];
            long n = vfs.Read(ctx, (int)fd, b);
            vfs.Close(ctx, (int)fd);
            return Encoding.ASCII.GetString(b, 0, (int)n);
        }
        Assert.Equal("sysroot", Read("/lib/marker"));
        Assert.Equal("host", Read(hostOnly));
        Assert.Equal("sysroot-both", Read(both));
        Assert.Equal(0, vfs.Chdir(ctx, "/lib"));
        var cwd = new byte[256];
        long len = vfs.Getcwd(ctx, cwd);
        Assert.Equal("/lib", Encoding.ASCII.GetString(cwd, 0, (int)len - 1));
        Assert.Equal("sysroot", Read("marker"));
        Assert.Equal(E(Errno.ENOENT), vfs.OpenAt(ctx, CWD, "/definitely/not/here", RDONLY, 0));
        Assert.Equal(0, vfs.Chdir(ctx, "/"));
        long rootFd = vfs.OpenAt(ctx, CWD, "/", RDONLY | DIRECTORY, 0);
        var dents = new byte[8192];
        var names = Dirent64.Parse(dents.AsSpan(0, (int)vfs.GetDents64(ctx, (int)rootFd, dents))).Select(d => d.Name).ToList();
        Assert.Contains("proc", names); // "/" is the host's own root
    }
}
