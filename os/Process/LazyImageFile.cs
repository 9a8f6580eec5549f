// LazyImageFile: an executable's bytes, read from its file as they are first needed. Exec used to
// read the whole file (busybox: 1.8 MB, ~0.45 ms of `busybox true`'s start-up, which then touches
// ~100 of its 450 pages); now the ELF parse reads only what it looks at (the header, its tables,
// the section names, the symbol tables, PT_INTERP, PT_DYNAMIC), into Bytes in 16 KiB chunks, and
// each image page is read straight into its guest page when it faults in (ElfLoader's page source).
//
// The file stays open while any address space still has an unread page of the image (counted
// through IPageSource.Track: fork adds the child's, a fault, munmap or the address space's end
// removes them), as the file of a Linux mapping stays referenced; it is released when that count
// drops to zero, when every chunk has been read (Bytes then serves the pages), or when exec gives
// up before mapping anything.
// As with a private file mapping on Linux, a page first read late sees the file as it is then; a
// file cut short reads as zeros past its new end.
using Fast.Os.Vfs;

namespace Fast.Os.Process;

public sealed class LazyImageFile
{
    const int ChunkShift = 14;   // 16 KiB per read

    readonly object gate = new();
    readonly ulong[] loaded;      // a bit per chunk, set (Volatile) once its bytes are in Bytes
    OpenFile? file;               // set to null (under gate) once released
    int chunksLeft;               // guarded by gate
    int trackedPages;             // guarded by gate: unread image pages referring to the file
    bool closing;                 // guarded by gate: exec is done with it (Close): release at zero pages
    bool complete;                // every chunk is in Bytes (and the file released)

    /// <summary>An array of the file's length; a range holds the file's bytes once Load returned for it.</summary>
    public byte[] Bytes { get; }

    /// <summary>Takes over the caller's reference to file (a regular file of the given size).</summary>
    public LazyImageFile(OpenFile file, int size)
    {
        this.file = file;
        Bytes = GC.AllocateUninitializedArray<byte>(size);   // (untouched pages cost nothing until read into)
        int chunks = (size + (1 << ChunkShift) - 1) >> ChunkShift;
        loaded = new ulong[(chunks + 63) / 64];
        chunksLeft = chunks;
        if (chunks == 0) { complete = true; Release(); }   // (an empty file)
    }

    /// <summary>Reads [offset, offset + length) from the file unless read already (an ElfRangeLoader).</summary>
    public void Load(int offset, int length)
    {
        if (length <= 0) return;
        int first = offset >> ChunkShift, last = (offset + length - 1) >> ChunkShift;
        int c = first;
        while (c <= last && (Volatile.Read(ref loaded[c >> 6]) & (1UL << c)) != 0) c++;
        if (c > last) return;
        lock (gate)
        {
            for (; c <= last; c++)
            {
                if ((loaded[c >> 6] & (1UL << c)) != 0) continue;
                ReadChunkLocked(c);
                Volatile.Write(ref loaded[c >> 6], loaded[c >> 6] | (1UL << c));
                if (--chunksLeft == 0)
                {
                    Volatile.Write(ref complete, true);   // (Bytes serves ReadAt from now on)
                    Release();
                }
            }
        }
    }

    void ReadChunkLocked(int chunk) =>
        ReadAt(chunk << ChunkShift, Bytes.AsSpan(chunk << ChunkShift, Math.Min(1 << ChunkShift, Bytes.Length - (chunk << ChunkShift))));

    /// <summary>Reads the file's bytes at offset straight into destination (an image page as it faults in: no
    /// copy through Bytes); zeros where the file has been cut short since exec.</summary>
    public void ReadAt(long offset, Span<byte> destination)
    {
        if (Volatile.Read(ref complete))
        {
            int n = (int)Math.Clamp(Bytes.Length - offset, 0, destination.Length);
            Bytes.AsSpan((int)Math.Min(offset, Bytes.Length), n).CopyTo(destination);
            destination[n..].Clear();
            return;
        }
        var from = Volatile.Read(ref file) ?? throw new InvalidOperationException("an image page was read after its file was released");
        destination[from.PReadFully(destination, offset)..].Clear();
    }

    /// <summary>An unread page referring to the image was added (+1) or read or dropped (-1).</summary>
    public void Track(int delta)
    {
        lock (gate)
        {
            trackedPages += delta;
            if (trackedPages == 0 && closing) Release();
        }
    }

    /// <summary>Exec is done with the file: it is released once no unread page refers to it (at once if none does).</summary>
    public void Close()
    {
        lock (gate)
        {
            closing = true;
            if (trackedPages == 0) Release();
        }
    }

    void Release()
    {
        var f = file;
        Volatile.Write(ref file, null);
        f?.Release();
    }
}
