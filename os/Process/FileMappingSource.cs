// FileMappingSource: the pages of a file mapping (mmap of a regular file), each read from the file
// when it first faults in, as Linux fills a file mapping from the page cache on demand. mmap used
// to read every page at map time: ld.so maps libc (1.6 MB, ~420 pages) for programs that touch a
// fraction of it, and each page cost a read, a RAM allocation and a page-table entry.
//
// The source holds a reference to the open file while any page of the mapping, in any address
// space, is still unread (IPageSource.Track: fork adds the child's, a fault, munmap or the address
// space's end removes them), as a Linux mapping keeps its file open after the descriptor is closed.
// A page first read late sees the file as it is then, as on Linux until the page is written (a
// private mapping's copy); bytes past the file's end read as zeros.
using Fast.Os.Vfs;

namespace Fast.Os.Process;

public sealed class FileMappingSource(OpenFile file, ulong start, long offset) : IPageSource
{
    readonly object gate = new();
    int tracked;   // guarded by gate: unread pages referring to this mapping

    public void Fill(ulong pageVa, Span<byte> page) => file.PReadFully(page, offset + (long)(pageVa - start));   // (past the file's end: zeros)

    public void Track(int delta)
    {
        lock (gate)
        {
            if (tracked == 0 && delta > 0) file.AddRef();
            tracked += delta;
            if (tracked == 0) file.Release();
        }
    }
}
