// Exec's LazyImageFile: the ELF parse reads only the parts of the file it looks at and gives the
// same result as a parse of the whole file; the file stays open exactly while unread image pages
// refer to it (or until exec is done with it, when none do); a file cut short since exec reads as
// zeros past its end. LazyImageTests checks the pages a guest sees.
using Fast.Os.Linux.Abi;
using Fast.Os.Process;
using Fast.Os.Vfs;
using Fast.Runtime.Elf;
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class LazyImageFileTests
{
    /// <summary>A regular file over an array that counts the bytes read from it and notes its last close.</summary>
    sealed class CountingFile(byte[] content) : OpenFile((int)OpenFlags.O_RDONLY, "/counted")
    {
        public byte[] Content = content;
        public long BytesRead;
        public bool Closed;

        public override long PRead(Span<byte> buffer, long offset)
        {
            if (offset >= Content.Length) return 0;
            int n = (int)Math.Min(buffer.Length, Content.Length - offset);
            Content.AsSpan((int)offset, n).CopyTo(buffer);
            BytesRead += n;
            return n;
        }

        public override long Stat(out StatInfo st)
        {
            st = StatInfo.Synthetic(StatMode.S_IFREG | 0x1ED, 7, Content.Length);
            return 0;
        }

        protected override void OnLastClose() => Closed = true;
    }

    static CountingFile OpenedFile(byte[] content)
    {
        var file = new CountingFile(content);
        file.AddRef();   // (the reference exec's open holds, which LazyImageFile takes over)
        return file;
    }

    static readonly Lazy<byte[]> Program = new(() => File.ReadAllBytes(GuestPrograms.Build("""
        #include <stdio.h>
        static char big[256 * 1024] = { 1 };   /* file-backed data the parse has no reason to read */
        int main(int argc, char **argv) { printf("%d\n", big[argc]); return 0; }
        """)));

    [Fact]
    public void TheParseReadsOnlyWhatItLooksAtAndAgreesWithAWholeFileParse()
    {
        var bytes = Program.Value;
        var file = OpenedFile(bytes);
        var lazy = ElfLoader.Read(new LazyImageFile(file, bytes.Length), "program");
        var whole = ElfLoader.Read(bytes, "program");

        Assert.True(file.BytesRead < bytes.Length / 2, $"read {file.BytesRead} of {bytes.Length} bytes");
        Assert.Equal(whole.Header, lazy.Header);
        Assert.Equal(whole.ProgramHeaders, lazy.ProgramHeaders);
        Assert.Equal(whole.Sections, lazy.Sections);
        Assert.Equal(whole.Symbols, lazy.Symbols);
        Assert.NotEmpty(lazy.Symbols);
        Assert.Equal(whole.Interpreter, lazy.Interpreter);
        foreach (var s in whole.LoadSegments)
            Assert.True(whole.SegmentData(s).SequenceEqual(lazy.SegmentData(s)), $"segment at 0x{s.VirtualAddress:x}");
    }

    [Fact]
    public void TheFileStaysOpenWhileUnreadPagesReferToIt()
    {
        var file = OpenedFile(new byte[40_000]);
        var image = new LazyImageFile(file, 40_000);
        image.Track(+1);
        image.Track(+1);   // (a page, and its copy in a fork child)
        image.Close();     // exec is done
        Assert.False(file.Closed);
        image.Track(-1);
        Assert.False(file.Closed);
        image.ReadAt(4096, new byte[4096]);   // the child's page faults in
        image.Track(-1);
        Assert.True(file.Closed);
        Assert.Throws<InvalidOperationException>(() => image.ReadAt(0, new byte[16]));
    }

    [Fact]
    public void AnExecThatMappedNothingReleasesTheFileAtOnce()
    {
        var content = new byte[40_000];   // an ELF64 header for x86-64 (e_machine 62), refused at the header
        ((byte[])[0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]).CopyTo(content, 0);
        content[18] = 62;
        var file = OpenedFile(content);
        var image = new LazyImageFile(file, content.Length);
        Assert.Contains("wrong machine", Assert.Throws<LoaderException>(() => ElfLoader.Read(image, "x86")).Message);
        Assert.False(file.Closed);
        image.Close();
        Assert.True(file.Closed);
    }

    [Fact]
    public void AFileReadWholeByTheParseServesItsPagesAfterItIsReleased()
    {
        var content = new byte[3000];   // one chunk: the header's read takes all of it
        for (int i = 0; i < content.Length; i++) content[i] = (byte)i;
        var file = OpenedFile(content);
        var image = new LazyImageFile(file, content.Length);
        image.Load(0, 64);
        Assert.True(file.Closed);
        var page = new byte[4096];
        image.ReadAt(0, page);
        Assert.Equal(content, page[..3000]);
        Assert.All(page[3000..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void AFileCutShortSinceExecReadsAsZerosPastItsEnd()
    {
        var content = new byte[8192];
        content.AsSpan().Fill(0xAB);
        var file = OpenedFile(content);
        var image = new LazyImageFile(file, content.Length);
        file.Content = content[..5000];   // truncated after exec opened it
        var page = new byte[4096];
        page.AsSpan().Fill(0xFF);
        image.ReadAt(4096, page);
        Assert.All(page[..(5000 - 4096)], b => Assert.Equal(0xAB, b));
        Assert.All(page[(5000 - 4096)..], b => Assert.Equal(0, b));
    }
}
