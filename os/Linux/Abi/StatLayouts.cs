// Binary layouts of struct stat (AArch64 uses the asm-generic 128-byte layout), struct statx
// (256 bytes, identical on every architecture) and the device-number encoding. StatInfo is the
// architecture-neutral data a file system fills in; the writers lay it out little-endian at the
// kernel's offsets. Offsets are checked against aarch64-linux-gnu-gcc by tests/Os/Vfs/AbiLayoutTests.
using System.Buffers.Binary;

namespace Fast.Os.Linux.Abi;

/// <summary>A kernel timestamp (seconds and nanoseconds since the epoch).</summary>
public readonly record struct TimeSpec(long Sec, long Nsec)
{
    public const int Size = 16, OffSec = 0, OffNsec = 8;

    public static TimeSpec FromDateTime(DateTime utc)
    {
        long ticks = utc.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks;
        long sec = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rem);
        if (rem < 0) { sec--; rem += TimeSpan.TicksPerSecond; }
        return new TimeSpec(sec, rem * 100);
    }

    public static TimeSpec Now => FromDateTime(DateTime.UtcNow);

    public void Write(Span<byte> dst)
    {
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffSec..], Sec);
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffNsec..], Nsec);
    }

    public static TimeSpec Read(ReadOnlySpan<byte> src) =>
        new(BinaryPrimitives.ReadInt64LittleEndian(src[OffSec..]), BinaryPrimitives.ReadInt64LittleEndian(src[OffNsec..]));
}

/// <summary>What stat/statx report about a file, independent of the output layout.</summary>
public record struct StatInfo
{
    public uint DevMajor, DevMinor;
    public ulong Ino;
    public uint Mode;
    public uint Nlink;
    public uint Uid, Gid;
    public uint RdevMajor, RdevMinor;
    public long Size;
    public int BlkSize;
    public long Blocks;
    public TimeSpec Atime, Mtime, Ctime, Btime;
    public ulong MountId;

    /// <summary>A synthetic file (device, pipe, /proc entry) with the current time stamps.</summary>
    public static StatInfo Synthetic(uint mode, ulong ino, long size = 0, uint rdevMajor = 0, uint rdevMinor = 0)
    {
        var now = TimeSpec.Now;
        return new StatInfo
        {
            DevMajor = 0, DevMinor = 0x17, Ino = ino, Mode = mode, Nlink = 1, Size = size, BlkSize = 4096,
            Blocks = (size + 511) / 512, RdevMajor = rdevMajor, RdevMinor = rdevMinor,
            Atime = now, Mtime = now, Ctime = now, Btime = now,
        };
    }
}

/// <summary>Linux's dev_t encoding (glibc makedev, kernel new_encode_dev for 32-bit values).</summary>
public static class DevT
{
    public static ulong Make(uint major, uint minor) =>
        ((ulong)(major & 0xFFFFF000) << 32) | ((ulong)(major & 0xFFF) << 8) |
        ((ulong)(minor & 0xFFFFFF00) << 12) | (minor & 0xFF);

    public static uint Major(ulong dev) => (uint)(((dev >> 32) & 0xFFFFF000) | ((dev >> 8) & 0xFFF));
    public static uint Minor(ulong dev) => (uint)(((dev >> 12) & 0xFFFFFF00) | (dev & 0xFF));
}

/// <summary>struct stat of asm-generic/stat.h, as AArch64 uses it (128 bytes).</summary>
public static class StatLayout
{
    public const int Size = 128;
    public const int OffDev = 0, OffIno = 8, OffMode = 16, OffNlink = 20, OffUid = 24, OffGid = 28,
        OffRdev = 32, OffSize = 48, OffBlkSize = 56, OffBlocks = 64, OffAtime = 72, OffAtimeNsec = 80,
        OffMtime = 88, OffMtimeNsec = 96, OffCtime = 104, OffCtimeNsec = 112;

    public static void Write(Span<byte> dst, in StatInfo s)
    {
        dst = dst[..Size];
        dst.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffDev..], DevT.Make(s.DevMajor, s.DevMinor));
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffIno..], s.Ino);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffMode..], s.Mode);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffNlink..], s.Nlink);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffUid..], s.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffGid..], s.Gid);
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffRdev..], DevT.Make(s.RdevMajor, s.RdevMinor));
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffSize..], s.Size);
        BinaryPrimitives.WriteInt32LittleEndian(dst[OffBlkSize..], s.BlkSize);
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffBlocks..], s.Blocks);
        s.Atime.Write(dst[OffAtime..]);
        s.Mtime.Write(dst[OffMtime..]);
        s.Ctime.Write(dst[OffCtime..]);
    }
}

/// <summary>struct statx of linux/stat.h (256 bytes on every architecture).</summary>
public static class StatxLayout
{
    public const int Size = 256;
    public const int OffMask = 0x00, OffBlkSize = 0x04, OffAttributes = 0x08, OffNlink = 0x10, OffUid = 0x14,
        OffGid = 0x18, OffMode = 0x1C, OffIno = 0x20, OffSize = 0x28, OffBlocks = 0x30, OffAttributesMask = 0x38,
        OffAtime = 0x40, OffBtime = 0x50, OffCtime = 0x60, OffMtime = 0x70, OffRdevMajor = 0x80,
        OffRdevMinor = 0x84, OffDevMajor = 0x88, OffDevMinor = 0x8C, OffMntId = 0x90;
    /// <summary>struct statx_timestamp: tv_sec at 0 (s64), tv_nsec at 8 (u32), 16 bytes.</summary>
    public const int TimestampSize = 16;

    /// <summary>Writes every field we know; stx_mask says which (basic stats and btime).</summary>
    public static void Write(Span<byte> dst, in StatInfo s, uint mask = StatxMask.BASIC_STATS | StatxMask.BTIME)
    {
        dst = dst[..Size];
        dst.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffMask..], mask);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffBlkSize..], (uint)s.BlkSize);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffNlink..], s.Nlink);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffUid..], s.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffGid..], s.Gid);
        BinaryPrimitives.WriteUInt16LittleEndian(dst[OffMode..], (ushort)s.Mode);
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffIno..], s.Ino);
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffSize..], s.Size);
        BinaryPrimitives.WriteInt64LittleEndian(dst[OffBlocks..], s.Blocks);
        WriteTs(dst[OffAtime..], s.Atime);
        WriteTs(dst[OffBtime..], s.Btime);
        WriteTs(dst[OffCtime..], s.Ctime);
        WriteTs(dst[OffMtime..], s.Mtime);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffRdevMajor..], s.RdevMajor);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffRdevMinor..], s.RdevMinor);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffDevMajor..], s.DevMajor);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[OffDevMinor..], s.DevMinor);
        BinaryPrimitives.WriteUInt64LittleEndian(dst[OffMntId..], s.MountId);
    }

    static void WriteTs(Span<byte> d, TimeSpec t)
    {
        BinaryPrimitives.WriteInt64LittleEndian(d, t.Sec);
        BinaryPrimitives.WriteUInt32LittleEndian(d[8..], (uint)t.Nsec);
    }

    /// <summary>Reads the fields back (used for the host's statx, which has this same layout).</summary>
    public static StatInfo Read(ReadOnlySpan<byte> src)
    {
        static TimeSpec Ts(ReadOnlySpan<byte> d) =>
            new(BinaryPrimitives.ReadInt64LittleEndian(d), BinaryPrimitives.ReadUInt32LittleEndian(d[8..]));
        return new StatInfo
        {
            BlkSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(src[OffBlkSize..]),
            Nlink = BinaryPrimitives.ReadUInt32LittleEndian(src[OffNlink..]),
            Uid = BinaryPrimitives.ReadUInt32LittleEndian(src[OffUid..]),
            Gid = BinaryPrimitives.ReadUInt32LittleEndian(src[OffGid..]),
            Mode = BinaryPrimitives.ReadUInt16LittleEndian(src[OffMode..]),
            Ino = BinaryPrimitives.ReadUInt64LittleEndian(src[OffIno..]),
            Size = BinaryPrimitives.ReadInt64LittleEndian(src[OffSize..]),
            Blocks = BinaryPrimitives.ReadInt64LittleEndian(src[OffBlocks..]),
            Atime = Ts(src[OffAtime..]), Btime = Ts(src[OffBtime..]), Ctime = Ts(src[OffCtime..]), Mtime = Ts(src[OffMtime..]),
            RdevMajor = BinaryPrimitives.ReadUInt32LittleEndian(src[OffRdevMajor..]),
            RdevMinor = BinaryPrimitives.ReadUInt32LittleEndian(src[OffRdevMinor..]),
            DevMajor = BinaryPrimitives.ReadUInt32LittleEndian(src[OffDevMajor..]),
            DevMinor = BinaryPrimitives.ReadUInt32LittleEndian(src[OffDevMinor..]),
            MountId = BinaryPrimitives.ReadUInt64LittleEndian(src[OffMntId..]),
        };
    }
}
