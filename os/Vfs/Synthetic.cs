// Building blocks of the synthetic file systems (/dev, /proc): a read-only text file whose content
// is produced when it is opened, and a directory whose entries are listed when it is opened and
// handed out as linux_dirent64 records, resumable across getdents64 calls (d_off is the index of
// the next entry; lseek to 0 or to any d_off resumes there). Reading from offset 0 lists afresh,
// so /proc/self/fd shows the descriptors open at that moment.
using System.Text;
using Fast.Os.Linux.Abi;
using Fast.Runtime;

namespace Fast.Os.Vfs;

/// <summary>A read-only file whose bytes are fixed when it is opened.</summary>
public sealed class TextFile : OpenFile
{
    readonly byte[] content;
    readonly ulong ino;
    readonly uint mode;

    public TextFile(string path, byte[] content, ulong ino, int flags, uint mode = StatMode.S_IFREG | 0x124) : base(flags, path)
    {
        this.content = content;
        this.ino = ino;
        this.mode = mode;
    }

    public TextFile(string path, string text, ulong ino, int flags) : this(path, Encoding.UTF8.GetBytes(text), ino, flags) { }

    public override long Read(Span<byte> buffer)
    {
        if (!CanRead) return Errno.EBADF.Neg();
        lock (PositionLock)
        {
            long n = PRead(buffer, Position);
            if (n > 0) Position += n;
            return n;
        }
    }

    public override long PRead(Span<byte> buffer, long offset)
    {
        if (offset < 0) return Errno.EINVAL.Neg();
        if (offset >= content.Length) return 0;
        int n = (int)Math.Min(buffer.Length, content.Length - offset);
        content.AsSpan((int)offset, n).CopyTo(buffer);
        return n;
    }

    public override long Write(ReadOnlySpan<byte> data) => CanWrite ? Errno.EACCES.Neg() : Errno.EBADF.Neg();
    public override long Seek(long offset, int whence) => SeekTo(offset, whence, content.Length);

    public override long Stat(out StatInfo st)
    {
        // /proc files report size 0, as Linux does.
        st = StatInfo.Synthetic(mode, ino, 0);
        st.Blocks = 0;
        st.BlkSize = 1024;
        return 0;
    }
}

/// <summary>A directory entry of a synthetic directory.</summary>
public readonly record struct DirEntry(string Name, ulong Ino, byte Type);

/// <summary>A directory whose listing is produced by a callback each time it is read from the start.</summary>
public sealed class SyntheticDirectory : OpenFile
{
    readonly Func<IEnumerable<DirEntry>> list;
    readonly ulong ino, parentIno;
    List<DirEntry> entries = [];
    readonly StatInfo stat;

    public SyntheticDirectory(string path, IEnumerable<DirEntry> entries, ulong ino, int flags, ulong parentIno = 1)
        : this(path, () => entries, ino, flags, parentIno) { }

    public SyntheticDirectory(string path, Func<IEnumerable<DirEntry>> list, ulong ino, int flags, ulong parentIno = 1) : base(flags, path)
    {
        this.list = list;
        this.ino = ino;
        this.parentIno = parentIno;
        stat = StatInfo.Synthetic(StatMode.S_IFDIR | 0x16D, ino);
        stat.Nlink = 2;
    }

    public override bool IsDirectory => true;
    public override long Read(Span<byte> buffer) => Errno.EISDIR.Neg();
    public override long Stat(out StatInfo st) { st = stat; return 0; }
    public override long Seek(long offset, int whence) => whence == Whence.END ? Errno.EINVAL.Neg() : SeekTo(offset, whence, long.MaxValue);

    public override long GetDents64(Span<byte> buffer)
    {
        if ((Flags & (int)OpenFlags.O_PATH) != 0) return Errno.EBADF.Neg();
        lock (PositionLock)
        {
            int written = 0;
            long index = Position;
            if (index == 0 || entries.Count == 0)
                entries = [new(".", ino, DirentType.DT_DIR), new("..", parentIno, DirentType.DT_DIR), .. list()];
            while (index < entries.Count)
            {
                var e = entries[(int)index];
                int n = Dirent64.Write(buffer[written..], e.Ino, index + 1, e.Type, Latin1Text.GetBytes(e.Name));
                if (n == 0)
                {
                    if (written == 0) return Errno.EINVAL.Neg(); // buffer too small for one record
                    break;
                }
                written += n;
                index++;
            }
            Position = index;
            return written;
        }
    }
}
