// Binary layouts of struct linux_dirent64, struct iovec, the kernel's struct termios
// (asm-generic/termbits.h: four tcflag_t, c_line, c_cc[19] = 36 bytes; glibc's user-space
// struct termios is a different, 60-byte structure that glibc converts from this one) and
// struct winsize. Checked against aarch64-linux-gnu-gcc by tests/Os/Vfs/AbiLayoutTests.
using System.Buffers.Binary;
using System.Text;

namespace Fast.Os.Linux.Abi;

/// <summary>struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }.</summary>
public static class Dirent64
{
    public const int OffIno = 0, OffOff = 8, OffReclen = 16, OffType = 18, OffName = 19;

    /// <summary>Record length for a name of this many bytes: header, name, NUL, padded to 8.</summary>
    public static int RecordLength(int nameBytes) => (OffName + nameBytes + 1 + 7) & ~7;

    /// <summary>Writes one record; returns its length, or 0 if it does not fit in dst.</summary>
    public static int Write(Span<byte> dst, ulong ino, long off, byte type, ReadOnlySpan<byte> name)
    {
        int len = RecordLength(name.Length);
        if (len > dst.Length) return 0;
        var rec = dst[..len];
        rec.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(rec[OffIno..], ino);
        BinaryPrimitives.WriteInt64LittleEndian(rec[OffOff..], off);
        BinaryPrimitives.WriteUInt16LittleEndian(rec[OffReclen..], (ushort)len);
        rec[OffType] = type;
        name.CopyTo(rec[OffName..]);
        return len;
    }

    public static int Write(Span<byte> dst, ulong ino, long off, byte type, string name) =>
        Write(dst, ino, off, type, Encoding.UTF8.GetBytes(name));

    /// <summary>Parses a buffer of records (for tests and tracing).</summary>
    public static List<(ulong Ino, long Off, byte Type, string Name)> Parse(ReadOnlySpan<byte> buf)
    {
        var list = new List<(ulong, long, byte, string)>();
        int p = 0;
        while (p + OffName < buf.Length)
        {
            int reclen = BinaryPrimitives.ReadUInt16LittleEndian(buf[(p + OffReclen)..]);
            if (reclen == 0) break;
            var nameSpan = buf.Slice(p + OffName, reclen - OffName);
            int nul = nameSpan.IndexOf((byte)0);
            list.Add((BinaryPrimitives.ReadUInt64LittleEndian(buf[p..]), BinaryPrimitives.ReadInt64LittleEndian(buf[(p + OffOff)..]),
                buf[p + OffType], Encoding.UTF8.GetString(nul >= 0 ? nameSpan[..nul] : nameSpan)));
            p += reclen;
        }
        return list;
    }
}

/// <summary>struct iovec { void *iov_base; size_t iov_len; } (16 bytes).</summary>
public readonly record struct Iovec(ulong Base, ulong Len)
{
    public const int Size = 16, OffBase = 0, OffLen = 8;
    /// <summary>Linux's UIO_MAXIOV: readv/writev with more vectors fail with EINVAL.</summary>
    public const int MaxCount = 1024;

    public static Iovec Read(ReadOnlySpan<byte> src) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(src[OffBase..]), BinaryPrimitives.ReadUInt64LittleEndian(src[OffLen..]));

    public void Write(Span<byte> dst)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffBase..], Base);
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffLen..], Len);
    }
}

/// <summary>The kernel's struct termios as TCGETS/TCSETS pass it (36 bytes).</summary>
public struct Termios
{
    public const int Size = 36, NCCS = 19;
    public const int OffIflag = 0, OffOflag = 4, OffCflag = 8, OffLflag = 12, OffLine = 16, OffCc = 17;
    // c_cc indices
    public const int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSWTC = 7,
        VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14, VLNEXT = 15, VEOL2 = 16;
    // a few flag bits
    public const uint ICRNL = 0x100, IXON = 0x400, IUTF8 = 0x4000, OPOST = 0x1, ONLCR = 0x4;
    public const uint CS8 = 0x30, CREAD = 0x80, B38400 = 0xF;
    public const uint ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHOE = 0x10, ECHOK = 0x20, ECHOCTL = 0x200, ECHOKE = 0x800, IEXTEN = 0x8000;

    public uint Iflag, Oflag, Cflag, Lflag;
    public byte Line;
    public byte[] Cc;

    /// <summary>What a fresh Linux console reports (stty sane).</summary>
    public static Termios Default() => new()
    {
        Iflag = ICRNL | IXON | IUTF8,
        Oflag = OPOST | ONLCR,
        Cflag = B38400 | CS8 | CREAD,
        Lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
        Cc = [3, 0x1C, 0x7F, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1A, 0, 0x12, 0x0F, 0x17, 0x16, 0, 0, 0],
    };

    public readonly void Write(Span<byte> dst)
    {
        dst = dst[..Size];
        dst.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffIflag..], Iflag);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffOflag..], Oflag);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffCflag..], Cflag);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffLflag..], Lflag);
        dst[OffLine] = Line;
        Cc.AsSpan(0, Math.Min(NCCS, Cc.Length)).CopyTo(dst[OffCc..]);
    }

    public static Termios Read(ReadOnlySpan<byte> src) => new()
    {
        Iflag = BinaryPrimitives.ReadUInt32LittleEndian(src[OffIflag..]),
        Oflag = BinaryPrimitives.ReadUInt32LittleEndian(src[OffOflag..]),
        Cflag = BinaryPrimitives.ReadUInt32LittleEndian(src[OffCflag..]),
        Lflag = BinaryPrimitives.ReadUInt32LittleEndian(src[OffLflag..]),
        Line = src[OffLine],
        Cc = src.Slice(OffCc, NCCS).ToArray(),
    };
}

/// <summary>struct winsize { u16 ws_row, ws_col, ws_xpixel, ws_ypixel; } (8 bytes).</summary>
public readonly record struct Winsize(ushort Rows, ushort Cols, ushort XPixel = 0, ushort YPixel = 0)
{
    public const int Size = 8, OffRow = 0, OffCol = 2, OffXPixel = 4, OffYPixel = 6;

    public void Write(Span<byte> dst)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(dst[OffRow..], Rows);
        BinaryPrimitives.WriteUInt16LittleEndian(dst[OffCol..], Cols);
        BinaryPrimitives.WriteUInt16LittleEndian(dst[OffXPixel..], XPixel);
        BinaryPrimitives.WriteUInt16LittleEndian(dst[OffYPixel..], YPixel);
    }

    public static Winsize Read(ReadOnlySpan<byte> src) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(src[OffRow..]), BinaryPrimitives.ReadUInt16LittleEndian(src[OffCol..]),
        BinaryPrimitives.ReadUInt16LittleEndian(src[OffXPixel..]), BinaryPrimitives.ReadUInt16LittleEndian(src[OffYPixel..]));
}
