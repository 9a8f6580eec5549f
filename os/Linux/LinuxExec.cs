// Program loading for execve and the first process: reads the file through the VFS (so -L and
// --root apply), follows a "#!" line to its interpreter, maps the ELF image (at 0 for ET_EXEC,
// at ELF_ET_DYN_BASE for PIE) and its PT_INTERP loader (below the mmap top), builds the stack
// and auxiliary vector as Linux does, and resets the thread to the new entry point. On any error
// the old image is untouched and the error is returned (-ENOENT, -ENOEXEC, -EACCES...).
using Fast.Os.Kernel;
using Fast.Os.Linux.Abi;
using Fast.Os.Linux.Syscalls;
using Fast.Os.Paging;
using Fast.Os.Process;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Runtime.Elf;

namespace Fast.Os.Linux;

public sealed unsafe partial class LinuxPersonality
{
    const int MaxScriptDepth = 4;

    /// <summary>Why the last Exec refused a file with ENOEXEC (for the first process's error message).</summary>
    public string? LastExecError { get; private set; }

    /// <summary>Replaces the process image. running: the vCPU if the thread is on it now (execve).</summary>
    public long Exec(GuestProcess process, GuestThread thread, string path, IReadOnlyList<string> args, IReadOnlyList<string> env, Vcpu? running = null)
    {
        LazyImageFile file;
        string programPath = path;
        var argv = args.ToList();
        for (int depth = 0; ; depth++)
        {
            long r = OpenExecutable(process.Files, programPath, out file);
            if (r < 0) return r;
            // "#!interpreter [one argument]" within the first 256 bytes (Linux's BINPRM_BUF_SIZE): argv becomes
            // interpreter, [argument], script path, argv[1..].
            var head = file.Bytes.AsSpan(0, Math.Min(file.Bytes.Length, 256));
            file.Load(0, head.Length);
            if (head.Length < 2 || head[0] != '#' || head[1] != '!') break;
            file.Close();
            if (depth == MaxScriptDepth) return Errno.ELOOP.Neg();
            int end = head.IndexOf((byte)'\n');
            string line = Latin1Text.GetString(head[2..(end < 0 ? head.Length : end)]).Trim();
            if (line.Length == 0) return Errno.ENOEXEC.Neg();
            int space = line.IndexOfAny([' ', '\t']);
            string interpreter = space < 0 ? line : line[..space];
            var newArgv = new List<string> { interpreter };
            if (space >= 0 && line[space..].Trim().Length > 0) newArgv.Add(line[space..].Trim());
            newArgv.Add(programPath);
            newArgv.AddRange(argv.Skip(1));
            argv = newArgv;
            programPath = interpreter;
        }

        Fast.Runtime.Observability.StartupPhases.Mark("exec read");
        try
        {
            return ExecImage(process, thread, path, programPath, file, argv, env, running);
        }
        finally
        {
            file.Close();   // (kept open while unread pages of the image remain)
        }
    }

    long ExecImage(GuestProcess process, GuestThread thread, string path, string programPath, LazyImageFile file,
        List<string> argv, IReadOnlyList<string> env, Vcpu? running)
    {
        ElfFile elf;
        try
        {
            elf = ElfLoader.Read(file, programPath);
        }
        catch (LoaderException e)
        {
            LastExecError = e.Message;
            return Errno.ENOEXEC.Neg();
        }

        Fast.Runtime.Observability.StartupPhases.Mark("elf parsed");
        var k = os.Kernel.Here;   // the new image lives in the database of the core that runs execve
        var memory = ProcessMemory.Create(k);
        var user = new UserMemory(k, memory);
        ulong entry, sp;
        var loadedImages = new List<(LoadedImage, string)>();
        try
        {
            ulong bias = ElfLoader.BiasFor(elf, VaLayout.PieBase);
            var main = ElfLoader.Load(k, memory, elf, bias, programPath, file);
            loadedImages.Add((main, programPath));
            Fast.Runtime.Observability.StartupPhases.Mark("main loaded");
            ulong interpBase = 0;
            entry = main.Entry;
            if (main.Interpreter is { } interpPath)
            {
                long r = OpenExecutable(process.Files, interpPath, out var interpFile);
                if (r < 0) throw new LoaderException($"{programPath}: cannot open its interpreter {interpPath}");
                LoadedImage loaded;
                try
                {
                    var interp = ElfLoader.Read(interpFile, interpPath);
                    ulong span = ElfLoader.Span(interp);
                    memory.Space.FindFree(span, VaLayout.PieBase + 0x1000_0000_0000UL, VaLayout.MmapTop, out ulong at).ThrowIfFailed();
                    loaded = ElfLoader.Load(k, memory, interp, ElfLoader.BiasFor(interp, at), interpPath, interpFile);
                }
                finally
                {
                    interpFile.Close();
                }
                loadedImages.Add((loaded, interpPath));
                interpBase = loaded.Bias;
                entry = loaded.Entry;
            }
            memory.Space.AddRegion(VaLayout.StackTop - VaLayout.StackSize, VaLayout.StackSize, RegionKind.Stack, MapFlags.ReadWrite, "[stack]", out _).ThrowIfFailed();
            memory.BrkStart = memory.Brk = main.End;
            memory.SigreturnTrampoline = MapSigreturnTrampoline(k, memory);

            var random = new byte[16];
            Vfs.Host.HostNative.Random(random);
            (ulong, ulong)[] auxv =
            [
                (Auxv.AT_HWCAP, os.Options.HwCap), (Auxv.AT_PAGESZ, 4096), (Auxv.AT_CLKTCK, 100),
                (Auxv.AT_PHDR, main.ProgramHeaders), (Auxv.AT_PHENT, 56), (Auxv.AT_PHNUM, (ulong)main.ProgramHeaderCount),
                (Auxv.AT_BASE, interpBase), (Auxv.AT_FLAGS, 0), (Auxv.AT_ENTRY, main.Entry),
                (Auxv.AT_UID, 0), (Auxv.AT_EUID, 0), (Auxv.AT_GID, 0), (Auxv.AT_EGID, 0), (Auxv.AT_SECURE, 0),
                (Auxv.AT_RANDOM, 0), (Auxv.AT_HWCAP2, 0), (Auxv.AT_EXECFN, 0), (Auxv.AT_PLATFORM, 0), (Auxv.AT_MINSIGSTKSZ, 5120),
            ];
            sp = InitialStack.Build(user, VaLayout.StackTop, argv, env, auxv, path, random);
        }
        catch (Exception e) when (e is LoaderException or OsException or ElfFormatException)
        {
            memory.Destroy();
            LastExecError = e.Message;
            return Errno.ENOEXEC.Neg();
        }

        if (Fast.Runtime.Observability.FastEventSource.SamplingEnabled)
            foreach (var (image, imagePath) in loadedImages)
                Fast.Runtime.Observability.FastEventSource.Log.ImageMapped(process.Pid, image.Start, image.End, image.Bias, ulong.MaxValue, imagePath);

        // Point of no return: the new image replaces the old one.
        var old = process.Memory;
        process.Memory = memory;
        process.User = user;
        // Absolute, as Linux's /proc/self/exe always is (glibc's _dl_get_origin asserts it).
        process.ExecutablePath = VirtualFileSystem.Normalize(path.StartsWith('/') ? path : process.Files.Cwd + "/" + path);
        process.Arguments = argv.ToArray();
        process.Files.Fds.CloseOnExec();
        process.Signals = process.Signals.ForExec();
        thread.Ttbr0 = memory.Ttbr0;
        thread.Context = default;
        thread.Context.X[31] = sp;
        thread.Context.Pc = entry;
        thread.AltStackFlags = 2;
        thread.AltStackSp = thread.AltStackSize = 0;
        if (running is not null)
        {
            thread.Context.RestoreTo(running.State);
            running.SetTranslationTable(memory.Ttbr0);
        }
        if (!ReferenceEquals(old, memory)) old.Destroy();   // (once: a destroyed one is left alone)
        process.VforkDone?.WakeAll();
        process.VforkDone = null;
        return Syscall.NoReturn;
    }

    /// <summary>
    /// Linux on AArch64 returns from a signal handler through the vDSO's sigreturn trampoline when
    /// the program gave no SA_RESTORER (glibc gives none). Fast has no vDSO, so each process gets a
    /// read-execute page "[vdso]" holding the same two instructions.
    /// </summary>
    static ulong MapSigreturnTrampoline(KernelServices k, ProcessMemory memory)
    {
        const ulong at = VaLayout.MmapTop;
        memory.Space.AddRegion(at, Descriptors.PageSize, RegionKind.Image, MapFlags.ReadExecute, "[vdso]", out _).ThrowIfFailed();
        UserPage.Allocate(k, out var page).ThrowIfFailed();
        var code = page.Bytes(k.Ram);
        BitConverter.TryWriteBytes(code, 0xD2801168u);       // mov x8, #139 (rt_sigreturn)
        BitConverter.TryWriteBytes(code[4..], 0xD4000001u);  // svc #0
        memory.MapPage(at, page, MapFlags.ReadExecute);
        return at;
    }

    /// <summary>Opens an executable through the VFS, as execve's open would (-ENOENT, -EACCES, -E2BIG...): a regular
    /// file of at most 1 GiB, whose bytes are read as they are needed.</summary>
    long OpenExecutable(FsContext files, string path, out LazyImageFile image)
    {
        image = null!;
        long r = os.Vfs.OpenFile(files, At.FDCWD, path, (int)OpenFlags.O_RDONLY, 0, out var file);
        if (r < 0) return r;
        long size = -1;
        if (!file!.IsDirectory && file.Stat(out var st) >= 0 && StatMode.IsReg(st.Mode)) size = st.Size;
        long refused = size < 0 ? Errno.EACCES.Neg() : size > 1L << 30 ? Errno.E2BIG.Neg() : 0;
        if (refused < 0)
        {
            file.Release();
            return refused;
        }
        image = new LazyImageFile(file, (int)size);   // (takes over the reference)
        return 0;
    }
}
