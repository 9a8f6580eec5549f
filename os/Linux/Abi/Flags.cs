// Flag and constant values of the Linux AArch64 ABI that the file layer needs, declared once.
// Reference: /usr/aarch64-linux-gnu/include/asm/fcntl.h (AArch64 overrides O_DIRECTORY, O_NOFOLLOW,
// O_DIRECT and O_LARGEFILE: they differ from x86-64!), asm-generic/fcntl.h, linux/fcntl.h,
// linux/stat.h, asm-generic/ioctls.h. The layout test checks these numbers against the C headers.
namespace Fast.Os.Linux.Abi;

/// <summary>open(2) flags as the AArch64 kernel defines them.</summary>
[Flags]
public enum OpenFlags
{
    O_RDONLY = 0,
    O_WRONLY = 0x1,
    O_RDWR = 0x2,
    O_ACCMODE = 0x3,
    O_CREAT = 0x40,
    O_EXCL = 0x80,
    O_NOCTTY = 0x100,
    O_TRUNC = 0x200,
    O_APPEND = 0x400,
    O_NONBLOCK = 0x800,
    O_DSYNC = 0x1000,
    O_ASYNC = 0x2000,        // FASYNC
    O_DIRECTORY = 0x4000,    // x86-64: 0x10000
    O_NOFOLLOW = 0x8000,     // x86-64: 0x20000
    O_DIRECT = 0x10000,      // x86-64: 0x4000
    O_LARGEFILE = 0x20000,   // x86-64: 0x8000 (0 in its userspace)
    O_NOATIME = 0x40000,
    O_CLOEXEC = 0x80000,
    __O_SYNC = 0x100000,
    O_SYNC = __O_SYNC | O_DSYNC,
    O_PATH = 0x200000,
    __O_TMPFILE = 0x400000,
    O_TMPFILE = __O_TMPFILE | O_DIRECTORY,
}

/// <summary>The *at() family's flags and the AT_FDCWD descriptor.</summary>
public static class At
{
    public const int FDCWD = -100;
    public const int SYMLINK_NOFOLLOW = 0x100;
    public const int EACCESS = 0x200;
    public const int REMOVEDIR = 0x200;
    public const int SYMLINK_FOLLOW = 0x400;
    public const int NO_AUTOMOUNT = 0x800;
    public const int EMPTY_PATH = 0x1000;
    public const int STATX_SYNC_TYPE = 0x6000;
    public const int STATX_FORCE_SYNC = 0x2000;
    public const int STATX_DONT_SYNC = 0x4000;
    public const int RECURSIVE = 0x8000;
}

/// <summary>renameat2(2) flags.</summary>
public static class RenameFlags
{
    public const int NOREPLACE = 1;
    public const int EXCHANGE = 2;
    public const int WHITEOUT = 4;
}

/// <summary>File type and permission bits of st_mode.</summary>
public static class StatMode
{
    public const uint S_IFMT = 0xF000;
    public const uint S_IFSOCK = 0xC000;
    public const uint S_IFLNK = 0xA000;
    public const uint S_IFREG = 0x8000;
    public const uint S_IFBLK = 0x6000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFCHR = 0x2000;
    public const uint S_IFIFO = 0x1000;
    public const uint S_ISUID = 0x800;
    public const uint S_ISGID = 0x400;
    public const uint S_ISVTX = 0x200;
    public const uint S_IRWXU = 0x1C0, S_IRUSR = 0x100, S_IWUSR = 0x80, S_IXUSR = 0x40;
    public const uint S_IRWXG = 0x38, S_IRGRP = 0x20, S_IWGRP = 0x10, S_IXGRP = 0x8;
    public const uint S_IRWXO = 0x7, S_IROTH = 0x4, S_IWOTH = 0x2, S_IXOTH = 0x1;

    public static bool IsDir(uint mode) => (mode & S_IFMT) == S_IFDIR;
    public static bool IsReg(uint mode) => (mode & S_IFMT) == S_IFREG;
    public static bool IsLink(uint mode) => (mode & S_IFMT) == S_IFLNK;

    /// <summary>The linux_dirent64 d_type for a mode (DT_* = S_IFMT &gt;&gt; 12).</summary>
    public static byte DirentType(uint mode) => (byte)((mode & S_IFMT) >> 12);
}

/// <summary>linux_dirent64 d_type values.</summary>
public static class DirentType
{
    public const byte DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6, DT_REG = 8,
        DT_LNK = 10, DT_SOCK = 12;
}

/// <summary>fcntl(2) commands and FD_CLOEXEC.</summary>
public static class FcntlCmd
{
    public const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4;
    public const int F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7, F_SETOWN = 8, F_GETOWN = 9;
    public const int F_DUPFD_CLOEXEC = 1030, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;
    public const int F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
    public const int FD_CLOEXEC = 1;
}

/// <summary>lseek(2) whence values.</summary>
public static class Whence
{
    public const int SET = 0, CUR = 1, END = 2, DATA = 3, HOLE = 4;
}

/// <summary>access(2) modes.</summary>
public static class AccessBits
{
    public const int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;
}

/// <summary>statx(2) mask bits.</summary>
public static class StatxMask
{
    public const uint TYPE = 0x1, MODE = 0x2, NLINK = 0x4, UID = 0x8, GID = 0x10, ATIME = 0x20,
        MTIME = 0x40, CTIME = 0x80, INO = 0x100, SIZE = 0x200, BLOCKS = 0x400, BASIC_STATS = 0x7FF,
        BTIME = 0x800, MNT_ID = 0x1000;
}

/// <summary>ioctl request numbers (asm-generic/ioctls.h, used by AArch64).</summary>
public static class IoctlCmd
{
    public const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
    public const uint TCSBRK = 0x5409, TCXONC = 0x540A, TCFLSH = 0x540B;
    public const uint TIOCSCTTY = 0x540E, TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410;
    public const uint TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B;
    public const uint FIONBIO = 0x5421, TIOCNOTTY = 0x5422, TIOCGPTN = 0x80045430;
    public const uint FIOCLEX = 0x5451, FIONCLEX = 0x5450;

    /// <summary>How many argument bytes a request reads from (In) and writes to (Out) guest memory;
    /// Size 0: the argument is a plain value or unused (the kernel passes an empty span).</summary>
    public static IoctlArg Arg(uint request) => request switch
    {
        TCGETS => new(Termios.Size, false, true),
        TCSETS or TCSETSW or TCSETSF => new(Termios.Size, true, false),
        TIOCGWINSZ => new(Winsize.Size, false, true),
        TIOCSWINSZ => new(Winsize.Size, true, false),
        FIONREAD or TIOCGPGRP or TIOCGPTN => new(4, false, true),
        FIONBIO or TIOCSPGRP => new(4, true, false),
        _ => new(0, false, false),
    };
}

/// <summary>An ioctl argument's shape (IoctlCmd.Arg). A type of Fast's own: an (int, bool, bool) tuple's
/// constructor, a framework generic over value types, was JIT-compiled at every program's first isatty.</summary>
public readonly record struct IoctlArg(int Size, bool In, bool Out);

/// <summary>Pipe constants.</summary>
public static class PipeAbi
{
    /// <summary>Default pipe capacity (16 pages of 4 KiB).</summary>
    public const int DefaultCapacity = 65536;
    /// <summary>Writes of at most this many bytes are atomic.</summary>
    public const int PIPE_BUF = 4096;
}
