// Checks the ABI constants and struct layouts of os/Linux/Abi against the C headers: a small C
// program built with aarch64-linux-gnu-gcc prints sizeof/offsetof and the constants, and runs under
// qemu-aarch64. Without those tools the test reports why and passes without checking.
using System.Diagnostics;
using Fast.Os.Linux.Abi;
using Xunit.Abstractions;

namespace Fast.Tests.Os.Vfs;

public class AbiLayoutTests(ITestOutputHelper output)
{
    const string CSource = """
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <dirent.h>
#include <asm/stat.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/uio.h>
#include <linux/time_types.h>
#include <asm/termios.h>
#include <asm/errno.h>
#define P(n, v) printf("%s %lld\n", n, (long long)(v))
#define OFF(s, f) P(#s "." #f, offsetof(struct s, f))
#define SZ(s) P("sizeof." #s, sizeof(struct s))
int main(void) {
  SZ(stat); OFF(stat, st_dev); OFF(stat, st_ino); OFF(stat, st_mode); OFF(stat, st_nlink); OFF(stat, st_uid);
  OFF(stat, st_gid); OFF(stat, st_rdev); OFF(stat, st_size); OFF(stat, st_blksize); OFF(stat, st_blocks);
  OFF(stat, st_atime); OFF(stat, st_atime_nsec); OFF(stat, st_mtime); OFF(stat, st_mtime_nsec); OFF(stat, st_ctime); OFF(stat, st_ctime_nsec);
  SZ(statx); OFF(statx, stx_mask); OFF(statx, stx_blksize); OFF(statx, stx_attributes); OFF(statx, stx_nlink); OFF(statx, stx_uid);
  OFF(statx, stx_gid); OFF(statx, stx_mode); OFF(statx, stx_ino); OFF(statx, stx_size); OFF(statx, stx_blocks); OFF(statx, stx_attributes_mask);
  OFF(statx, stx_atime); OFF(statx, stx_btime); OFF(statx, stx_ctime); OFF(statx, stx_mtime); OFF(statx, stx_rdev_major); OFF(statx, stx_rdev_minor);
  OFF(statx, stx_dev_major); OFF(statx, stx_dev_minor); OFF(statx, stx_mnt_id); SZ(statx_timestamp);
  OFF(dirent64, d_ino); OFF(dirent64, d_off); OFF(dirent64, d_reclen); OFF(dirent64, d_type); OFF(dirent64, d_name);
  SZ(__kernel_timespec); OFF(__kernel_timespec, tv_sec); OFF(__kernel_timespec, tv_nsec);
  SZ(iovec); OFF(iovec, iov_base); OFF(iovec, iov_len);
  SZ(termios); OFF(termios, c_iflag); OFF(termios, c_oflag); OFF(termios, c_cflag); OFF(termios, c_lflag); OFF(termios, c_line); OFF(termios, c_cc);
  P("NCCS", NCCS);
  SZ(winsize); OFF(winsize, ws_row); OFF(winsize, ws_col); OFF(winsize, ws_xpixel); OFF(winsize, ws_ypixel);
  P("O_CREAT", O_CREAT); P("O_EXCL", O_EXCL); P("O_NOCTTY", O_NOCTTY); P("O_TRUNC", O_TRUNC); P("O_APPEND", O_APPEND); P("O_NONBLOCK", O_NONBLOCK);
  P("O_DSYNC", O_DSYNC); P("O_DIRECTORY", O_DIRECTORY); P("O_NOFOLLOW", O_NOFOLLOW); P("O_DIRECT", O_DIRECT); P("O_LARGEFILE", O_LARGEFILE);
  P("O_NOATIME", O_NOATIME); P("O_CLOEXEC", O_CLOEXEC); P("O_SYNC", O_SYNC); P("O_PATH", O_PATH); P("O_TMPFILE", O_TMPFILE);
  P("AT_FDCWD", AT_FDCWD); P("AT_SYMLINK_NOFOLLOW", AT_SYMLINK_NOFOLLOW); P("AT_REMOVEDIR", AT_REMOVEDIR); P("AT_SYMLINK_FOLLOW", AT_SYMLINK_FOLLOW);
  P("AT_EMPTY_PATH", AT_EMPTY_PATH); P("F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC); P("F_GETPIPE_SZ", F_GETPIPE_SZ);
  P("TCGETS", TCGETS); P("TCSETS", TCSETS); P("TIOCGWINSZ", TIOCGWINSZ); P("FIONREAD", FIONREAD); P("FIONBIO", FIONBIO); P("FIOCLEX", FIOCLEX);
  P("EAGAIN", EAGAIN); P("ENOTEMPTY", ENOTEMPTY); P("ELOOP", ELOOP); P("ENOSYS", ENOSYS); P("EHWPOISON", EHWPOISON); P("ENOTSUP", EOPNOTSUPP);
  return 0;
}
""";

    static readonly Dictionary<string, long> Expected = new()
    {
        ["sizeof.stat"] = StatLayout.Size,
        ["stat.st_dev"] = StatLayout.OffDev,
        ["stat.st_ino"] = StatLayout.OffIno,
        ["stat.st_mode"] = StatLayout.OffMode,
        ["stat.st_nlink"] = StatLayout.OffNlink,
        ["stat.st_uid"] = StatLayout.OffUid,
        ["stat.st_gid"] = StatLayout.OffGid,
        ["stat.st_rdev"] = StatLayout.OffRdev,
        ["stat.st_size"] = StatLayout.OffSize,
        ["stat.st_blksize"] = StatLayout.OffBlkSize,
        ["stat.st_blocks"] = StatLayout.OffBlocks,
        ["stat.st_atime"] = StatLayout.OffAtime,
        ["stat.st_atime_nsec"] = StatLayout.OffAtimeNsec,
        ["stat.st_mtime"] = StatLayout.OffMtime,
        ["stat.st_mtime_nsec"] = StatLayout.OffMtimeNsec,
        ["stat.st_ctime"] = StatLayout.OffCtime,
        ["stat.st_ctime_nsec"] = StatLayout.OffCtimeNsec,
        ["sizeof.statx"] = StatxLayout.Size,
        ["statx.stx_mask"] = StatxLayout.OffMask,
        ["statx.stx_blksize"] = StatxLayout.OffBlkSize,
        ["statx.stx_attributes"] = StatxLayout.OffAttributes,
        ["statx.stx_nlink"] = StatxLayout.OffNlink,
        ["statx.stx_uid"] = StatxLayout.OffUid,
        ["statx.stx_gid"] = StatxLayout.OffGid,
        ["statx.stx_mode"] = StatxLayout.OffMode,
        ["statx.stx_ino"] = StatxLayout.OffIno,
        ["statx.stx_size"] = StatxLayout.OffSize,
        ["statx.stx_blocks"] = StatxLayout.OffBlocks,
        ["statx.stx_attributes_mask"] = StatxLayout.OffAttributesMask,
        ["statx.stx_atime"] = StatxLayout.OffAtime,
        ["statx.stx_btime"] = StatxLayout.OffBtime,
        ["statx.stx_ctime"] = StatxLayout.OffCtime,
        ["statx.stx_mtime"] = StatxLayout.OffMtime,
        ["statx.stx_rdev_major"] = StatxLayout.OffRdevMajor,
        ["statx.stx_rdev_minor"] = StatxLayout.OffRdevMinor,
        ["statx.stx_dev_major"] = StatxLayout.OffDevMajor,
        ["statx.stx_dev_minor"] = StatxLayout.OffDevMinor,
        ["statx.stx_mnt_id"] = StatxLayout.OffMntId,
        ["sizeof.statx_timestamp"] = StatxLayout.TimestampSize,
        ["dirent64.d_ino"] = Dirent64.OffIno,
        ["dirent64.d_off"] = Dirent64.OffOff,
        ["dirent64.d_reclen"] = Dirent64.OffReclen,
        ["dirent64.d_type"] = Dirent64.OffType,
        ["dirent64.d_name"] = Dirent64.OffName,
        ["sizeof.__kernel_timespec"] = TimeSpec.Size,
        ["__kernel_timespec.tv_sec"] = TimeSpec.OffSec,
        ["__kernel_timespec.tv_nsec"] = TimeSpec.OffNsec,
        ["sizeof.iovec"] = Iovec.Size,
        ["iovec.iov_base"] = Iovec.OffBase,
        ["iovec.iov_len"] = Iovec.OffLen,
        ["sizeof.termios"] = Termios.Size,
        ["termios.c_iflag"] = Termios.OffIflag,
        ["termios.c_oflag"] = Termios.OffOflag,
        ["termios.c_cflag"] = Termios.OffCflag,
        ["termios.c_lflag"] = Termios.OffLflag,
        ["termios.c_line"] = Termios.OffLine,
        ["termios.c_cc"] = Termios.OffCc,
        ["NCCS"] = Termios.NCCS,
        ["sizeof.winsize"] = Winsize.Size,
        ["winsize.ws_row"] = Winsize.OffRow,
        ["winsize.ws_col"] = Winsize.OffCol,
        ["winsize.ws_xpixel"] = Winsize.OffXPixel,
        ["winsize.ws_ypixel"] = Winsize.OffYPixel,
        ["AT_FDCWD"] = At.FDCWD,
        ["AT_SYMLINK_NOFOLLOW"] = At.SYMLINK_NOFOLLOW,
        ["AT_REMOVEDIR"] = At.REMOVEDIR,
        ["AT_SYMLINK_FOLLOW"] = At.SYMLINK_FOLLOW,
        ["AT_EMPTY_PATH"] = At.EMPTY_PATH,
        ["F_DUPFD_CLOEXEC"] = FcntlCmd.F_DUPFD_CLOEXEC,
        ["F_GETPIPE_SZ"] = FcntlCmd.F_GETPIPE_SZ,
        ["TCGETS"] = IoctlCmd.TCGETS,
        ["TCSETS"] = IoctlCmd.TCSETS,
        ["TIOCGWINSZ"] = IoctlCmd.TIOCGWINSZ,
        ["FIONREAD"] = IoctlCmd.FIONREAD,
        ["FIONBIO"] = IoctlCmd.FIONBIO,
        ["FIOCLEX"] = IoctlCmd.FIOCLEX,
        ["EAGAIN"] = (int)Errno.EAGAIN,
        ["ENOTEMPTY"] = (int)Errno.ENOTEMPTY,
        ["ELOOP"] = (int)Errno.ELOOP,
        ["ENOSYS"] = (int)Errno.ENOSYS,
        ["EHWPOISON"] = (int)Errno.EHWPOISON,
        ["ENOTSUP"] = (int)Errno.EOPNOTSUPP,
        ["O_CREAT"] = (int)OpenFlags.O_CREAT,
        ["O_EXCL"] = (int)OpenFlags.O_EXCL,
        ["O_NOCTTY"] = (int)OpenFlags.O_NOCTTY,
        ["O_TRUNC"] = (int)OpenFlags.O_TRUNC,
        ["O_APPEND"] = (int)OpenFlags.O_APPEND,
        ["O_NONBLOCK"] = (int)OpenFlags.O_NONBLOCK,
        ["O_DSYNC"] = (int)OpenFlags.O_DSYNC,
        ["O_DIRECTORY"] = (int)OpenFlags.O_DIRECTORY,
        ["O_NOFOLLOW"] = (int)OpenFlags.O_NOFOLLOW,
        ["O_DIRECT"] = (int)OpenFlags.O_DIRECT,
        ["O_LARGEFILE"] = (int)OpenFlags.O_LARGEFILE,
        ["O_NOATIME"] = (int)OpenFlags.O_NOATIME,
        ["O_CLOEXEC"] = (int)OpenFlags.O_CLOEXEC,
        ["O_SYNC"] = (int)OpenFlags.O_SYNC,
        ["O_PATH"] = (int)OpenFlags.O_PATH,
        ["O_TMPFILE"] = (int)OpenFlags.O_TMPFILE,
    };

    static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    static (int Code, string Out, string Err) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    [Fact]
    public void LayoutsAndConstantsMatchTheAarch64Headers()
    {
        string? gcc = Which("aarch64-linux-gnu-gcc"), qemu = Which("qemu-aarch64") ?? Which("qemu-aarch64-static");
        if (gcc == null || qemu == null)
        {
            output.WriteLine($"SKIPPED: needs aarch64-linux-gnu-gcc and qemu-aarch64 on PATH (gcc: {gcc ?? "missing"}, qemu: {qemu ?? "missing"})");
            return;
        }
        string dir = Directory.CreateTempSubdirectory("fast-abi-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "layout.c"), CSource);
            var cc = Run(gcc, "-static", "-O0", "-o", Path.Combine(dir, "layout"), Path.Combine(dir, "layout.c"));
            Assert.True(cc.Code == 0, "aarch64-linux-gnu-gcc failed: " + cc.Err);
            var run = Run(qemu, Path.Combine(dir, "layout"));
            Assert.True(run.Code == 0, "qemu-aarch64 failed: " + run.Err);
            var actual = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => long.Parse(p[1]));
            var mismatches = Expected.Where(kv => !actual.TryGetValue(kv.Key, out var v) || v != kv.Value)
                .Select(kv => $"{kv.Key}: C# {kv.Value}, C {(actual.TryGetValue(kv.Key, out var v) ? v : "missing")}").ToList();
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
            Assert.Equal(Expected.Count, actual.Count);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void StatWriterPutsFieldsAtTheirOffsets()
    {
        var st = new StatInfo { DevMajor = 8, DevMinor = 1, Ino = 0x1122334455, Mode = StatMode.S_IFREG | 0x1A4, Nlink = 3, Uid = 1000, Gid = 100,
            Size = 12345, BlkSize = 4096, Blocks = 32, Atime = new TimeSpec(1, 2), Mtime = new TimeSpec(3, 4), Ctime = new TimeSpec(5, 6) };
        var buf = new byte[StatLayout.Size];
        StatLayout.Write(buf, st);
        Assert.Equal(0x801UL, BitConverter.ToUInt64(buf, StatLayout.OffDev));
        Assert.Equal(0x1122334455UL, BitConverter.ToUInt64(buf, StatLayout.OffIno));
        Assert.Equal(StatMode.S_IFREG | 0x1A4, BitConverter.ToUInt32(buf, StatLayout.OffMode));
        Assert.Equal(12345L, BitConverter.ToInt64(buf, StatLayout.OffSize));
        Assert.Equal(4096, BitConverter.ToInt32(buf, StatLayout.OffBlkSize));
        Assert.Equal(3L, BitConverter.ToInt64(buf, StatLayout.OffMtime));
        Assert.Equal(6L, BitConverter.ToInt64(buf, StatLayout.OffCtimeNsec));
        var sx = new byte[StatxLayout.Size];
        StatxLayout.Write(sx, st);
        Assert.Equal(st with { Btime = default, MountId = 0 }, StatxLayout.Read(sx) with { Btime = default });
        Assert.Equal(0x801UL, DevT.Make(8, 1));
        Assert.Equal((8u, 1u), (DevT.Major(DevT.Make(8, 1)), DevT.Minor(DevT.Make(8, 1))));
    }

    [Fact]
    public void ErrnoNamesAndText()
    {
        Assert.Equal(2, (int)Errno.ENOENT);
        Assert.Equal("No such file or directory", ErrnoInfo.StrError(Errno.ENOENT));
        Assert.Equal("EAGAIN", ErrnoInfo.Name(11));
        Assert.Equal(-39L, Errno.ENOTEMPTY.Neg());
        Assert.Equal("Unknown error 999", ErrnoInfo.StrError(999));
    }

    [Fact]
    public void TermiosAndWinsizeRoundTrip()
    {
        var t = Termios.Default();
        var buf = new byte[Termios.Size];
        t.Write(buf);
        var back = Termios.Read(buf);
        Assert.Equal(t.Lflag, back.Lflag);
        Assert.Equal(t.Cc, back.Cc);
        Assert.Equal(3, buf[Termios.OffCc + Termios.VINTR]);
        var w = new Winsize(50, 132);
        var wb = new byte[Winsize.Size];
        w.Write(wb);
        Assert.Equal(w, Winsize.Read(wb));
    }
}
