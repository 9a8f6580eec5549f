// The loader leaves an image's file-backed pages unread until their first fault (ProcessMemory's
// unread pages): a page first touched by a fork child, after an mprotect, by the kernel (a write(2)
// from it), or replaced by munmap + mmap must hold what Linux would give: the file's bytes, or zeros.
using Fast.Tests.Support;

namespace Fast.Tests.Os.Linux;

public class LazyImageTests
{
    [Fact]
    public void UnreadImagePagesHoldTheFileBytesWhoeverTouchesThemFirst()
    {
        var exe = GuestPrograms.Build("""
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            #include <sys/mman.h>
            #include <sys/wait.h>
            #define N 16384   /* 64 KiB each: pages nobody touches before the test does */
            static const unsigned ro[N] = { [0 ... N - 1] = 0x9abcdef0u };
            static unsigned rw[N] = { [0 ... N - 1] = 0x12345678u };
            static const char text[8192] = { [0 ... 8190] = 'x' };
            static unsigned sum(const unsigned *a, int from, int to) { unsigned s = 0; for (int i = from; i < to; i++) s += a[i] ^ i; return s; }
            int main(void) {
                pid_t child = fork();
                if (child == 0) { printf("child %08x %08x\n", sum(ro, 0, 4096), sum(rw, 0, 4096)); fflush(stdout); _exit(0); }
                waitpid(child, 0, 0);
                /* The parent reads them after the child did (its own copies). */
                printf("parent %08x %08x\n", sum(ro, 0, 4096), sum(rw, 0, 4096));
                /* mprotect of unread pages, then the first touch. */
                unsigned long page = ((unsigned long)&rw[8192] + 4095) & ~4095ul;
                mprotect((void *)page, 8192, PROT_READ);
                mprotect((void *)page, 8192, PROT_READ | PROT_WRITE);
                ((unsigned *)page)[0] ^= 1;
                printf("protected %ld %08x\n", (long)((unsigned *)page - rw), sum(rw, 8192, N));
                /* The kernel is the first to read these pages. */
                fflush(stdout);
                write(1, text + 4096, 8);
                write(1, "\n", 1);
                /* An unread page unmapped, then anonymous memory in its place: zeros, not the file. */
                unsigned long gone = ((unsigned long)&ro[12288] + 4095) & ~4095ul;
                munmap((void *)gone, 4096);
                unsigned *fresh = mmap((void *)gone, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
                printf("fresh %d %u\n", fresh == (unsigned *)gone, fresh[0] | fresh[1023]);
                return 0;
            }
            """);
        var r = GuestPrograms.Run(exe);
        Assert.Equal(0, r.ExitCode);
        uint Sum(uint value, int from, int to) { uint s = 0; for (int i = from; i < to; i++) s += value ^ (uint)i; return s; }
        string[] lines = r.Stdout.Split('\n');
        Assert.Equal($"child {Sum(0x9abcdef0u, 0, 4096):x8} {Sum(0x12345678u, 0, 4096):x8}", lines[0]);
        Assert.Equal($"parent {Sum(0x9abcdef0u, 0, 4096):x8} {Sum(0x12345678u, 0, 4096):x8}", lines[1]);
        // The page after the mprotects held the file's bytes, writable: one word of it flipped.
        int flipped = int.Parse(lines[2].Split(' ')[1]);
        uint expected = 0;
        for (int i = 8192; i < 16384; i++) expected += (i == flipped ? 0x12345678u ^ 1 : 0x12345678u) ^ (uint)i;
        Assert.Equal($"protected {flipped} {expected:x8}", lines[2]);
        Assert.Equal("xxxxxxxx", lines[3]);
        Assert.Equal("fresh 1 0", lines[4]);
    }
}
