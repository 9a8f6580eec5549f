// WarmRun: the start-up warmer's guest. A 25-instruction AArch64 program, assembled here, run to
// its exit on a machine and an OS of its own (16 MiB, one core, no host files: the program is the
// one file of a file system mounted at /warm). It goes where every `fast run` goes after the boot:
// spawn and exec, page faults on its code, its heap and an anonymous mapping, brk, mmap, munmap,
// the interpreter's block loop round a backward branch, exit_group and the teardown of a process.
// On the warmer's thread, that pays those paths' first-time costs (type loads, ReadyToRun fix-ups)
// while the main thread is still booting or exec'ing: the main thread then runs them warm.
using System.Buffers.Binary;
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Runtime.Elf;
using Fast.Translator.Interpreter;

namespace Fast.Cli.Run;

public static class WarmRun
{
    const ulong LoadAddress = 0x40_0000;

    // The program (encodings: ARM ARM C6.2, MOVZ/MOVN/ADD/ORR/STR/STUR/SUBS/B.cond/SVC).
    static readonly uint[] Code =
    [
        0xD2800000, 0xD2801AC8, 0xD4000001,                 // x0 = brk(0)
        0x91400813, 0xAA1303E0, 0xD2801AC8, 0xD4000001,     // x19 = x0 + 0x2000; brk(x19)
        0xF81F8268,                                         // stur x8, [x19, #-8]: a heap page faults in
        0xD2800000, 0xD2820001, 0xD2800062, 0xD2800443,     // mmap(0, 4096, PROT_READ|PROT_WRITE,
        0x92800004, 0xD2800005, 0xD2801BC8, 0xD4000001,     //      MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
        0xF9000008,                                         // str x8, [x0]: the mapping faults in
        0xD2801AE8, 0xD4000001,                             // munmap(x0, 4096)
        0xD2800C89, 0xF1000529, 0x54FFFFE1,                 // x9 = 100; loop: subs x9, x9, #1; b.ne loop
        0xD2800000, 0xD2800BC8, 0xD4000001,                 // exit_group(0)
    ];

    /// <summary>The program as a static AArch64 executable: the ELF header, one PT_LOAD (R+X) of the
    /// whole file at LoadAddress, and the code right after the headers (the entry point).</summary>
    public static byte[] Executable()
    {
        int codeAt = ElfConstants.HeaderSize + ElfConstants.ProgramHeaderSize;
        var b = new byte[codeAt + 4 * Code.Length];
        var s = b.AsSpan();
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F'; b[4] = 2; b[5] = 1; b[6] = 1;   // ELF64, little-endian, v1
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 2);                                    // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], ElfConstants.MachineAArch64);
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], LoadAddress + (ulong)codeAt);          // e_entry
        BinaryPrimitives.WriteUInt64LittleEndian(s[32..], ElfConstants.HeaderSize);              // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(s[52..], ElfConstants.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(s[54..], ElfConstants.ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(s[56..], 1);
        var p = s[ElfConstants.HeaderSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(p, 1);                                          // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(p[4..], 5);                                     // R+X
        BinaryPrimitives.WriteUInt64LittleEndian(p[16..], LoadAddress);                          // p_vaddr
        BinaryPrimitives.WriteUInt64LittleEndian(p[24..], LoadAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(p[32..], (ulong)b.Length);                      // p_filesz
        BinaryPrimitives.WriteUInt64LittleEndian(p[40..], (ulong)b.Length);                      // p_memsz
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], 0x1000);
        for (int i = 0; i < Code.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(s[(codeAt + 4 * i)..], Code[i]);
        return b;
    }

    /// <summary>Runs the program to its exit; its exit status (0).</summary>
    public static int Run()
    {
        using var machine = new Machine(16UL << 20, new Interpreter());
        var vfs = VirtualFileSystem.WithSysroot(null);
        vfs.Mount("/warm", new OneFileFs(Executable()));
        using var os = new FastOs(machine, vfs, new OsOptions { Cores = 1, Stdio = (null, Stream.Null, Stream.Null), Log = TextWriter.Null });
        os.SpawnInit("/warm/init", ["init"], []);
        return FastOs.ExitCodeOf(os.RunUntilInitExits(TimeSpan.FromSeconds(5)));
    }

    /// <summary>A file system holding one read-only executable, "/init".</summary>
    sealed class OneFileFs(byte[] content) : SyntheticFs
    {
        const ulong Ino = 0x6000_0001;
        const uint Mode = StatMode.S_IFREG | 0x16D;   // r-xr-xr-x

        public override long Open(FsContext ctx, string path, int flags, uint mode, out OpenFile? file)
        {
            file = null;
            if (path.Trim('/') != "init") return Errno.ENOENT.Neg();
            if ((flags & (int)OpenFlags.O_ACCMODE) != 0) return Errno.EACCES.Neg();
            file = new TextFile("/warm/init", content, Ino, flags, Mode, sized: true);
            return 0;
        }

        public override long Stat(FsContext ctx, string path, bool followLinks, out StatInfo st)
        {
            st = default;
            if (path.Trim('/') != "init") return Errno.ENOENT.Neg();
            st = StatInfo.Synthetic(Mode, Ino);
            st.Size = content.Length;
            return 0;
        }
    }
}
