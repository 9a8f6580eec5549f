// mmap of a regular file reads each page from the file at its first fault (FileMappingSource), not
// at map time. Whoever touches a page first (the process, a fork child, the kernel in a write(2)),
// and whenever (after the descriptor is closed, after an mprotect from PROT_NONE), it must hold
// the file's bytes as Linux gives them: zeros past the end of the file, and an untouched page
// written through the file before its first touch shows the new bytes.
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class FileMappingTests
{
    static byte Pattern(long i) => (byte)(i * 7 + 3);

    [Fact]
    public void FileMappedPagesHoldTheFileBytesWhoeverTouchesThemFirst()
    {
        var exe = GuestPrograms.Build("""
            #include <fcntl.h>
            #include <stdio.h>
            #include <unistd.h>
            #include <sys/mman.h>
            #include <sys/wait.h>
            #define SIZE (3 * 4096 + 1000)   /* three pages and part of a fourth */
            static unsigned sum(const unsigned char *p, long from, long to) { unsigned s = 0; for (long i = from; i < to; i++) s = s * 31 + p[i]; return s; }
            int main(int argc, char **argv) {
                int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
                unsigned char buf[SIZE];
                for (long i = 0; i < SIZE; i++) buf[i] = (unsigned char)(i * 7 + 3);
                write(fd, buf, SIZE);
                unsigned char *m = mmap(0, 4 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
                close(fd);   /* the mapping keeps the file */
                pid_t child = fork();
                if (child == 0) { printf("child %08x\n", sum(m, 0, 8192)); fflush(stdout); _exit(0); }
                waitpid(child, 0, 0);
                printf("parent %08x\n", sum(m, 0, 8192));
                /* Past the end of the file, in its last page: zeros. */
                unsigned tail = 0;
                for (long i = SIZE; i < 4 * 4096; i++) tail |= m[i];
                printf("tail %u %08x\n", tail, sum(m, 3 * 4096, SIZE));
                /* Page 2, untouched so far, written through the file first: the new bytes. */
                fd = open(argv[1], O_RDWR);
                pwrite(fd, "NEW!", 4, 2 * 4096 + 8);
                close(fd);
                printf("late %.4s\n", (const char *)m + 2 * 4096 + 8);
                /* A PROT_NONE file mapping made readable later. */
                fd = open(argv[1], O_RDONLY);
                unsigned char *n = mmap(0, 2 * 4096, PROT_NONE, MAP_PRIVATE, fd, 4096);
                close(fd);
                mprotect(n, 2 * 4096, PROT_READ);
                printf("none %08x\n", sum(n, 0, 4096));
                /* The kernel reads an untouched page first. */
                fflush(stdout);
                write(1, n + 4096 + 100, 8);
                write(1, "\n", 1);
                return 0;
            }
            """);
        string file = Path.Combine(Path.GetTempPath(), $"fast-filemap-{Guid.NewGuid():N}");
        try
        {
            var r = GuestPrograms.Run(exe, [file]);
            Assert.True(r.ExitCode == 0, r.Log);
            const int Size = 3 * 4096 + 1000;
            uint Sum(long from, long to, Func<long, byte> at) { uint s = 0; for (long i = from; i < to; i++) s = s * 31 + at(i); return s; }
            string[] lines = r.Stdout.Split('\n');
            Assert.Equal($"child {Sum(0, 8192, Pattern):x8}", lines[0]);
            Assert.Equal($"parent {Sum(0, 8192, Pattern):x8}", lines[1]);
            Assert.Equal($"tail 0 {Sum(3 * 4096, Size, Pattern):x8}", lines[2]);
            Assert.Equal("late NEW!", lines[3]);
            Assert.Equal($"none {Sum(4096, 8192, Pattern):x8}", lines[4]);
            Assert.Equal(new string(Enumerable.Range(0, 8).Select(i => (char)Pattern(2 * 4096 + 100 + i)).ToArray()), lines[5]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
