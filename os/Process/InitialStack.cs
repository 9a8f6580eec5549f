// InitialStack: the stack a new program finds at its entry point, laid out exactly as Linux's
// create_elf_tables builds it (fs/binfmt_elf.c): from the stack pointer upwards argc, argv[],
// NULL, envp[], NULL, the auxiliary vector of (type, value) pairs ending in AT_NULL; above them
// the 16 AT_RANDOM bytes, the platform string and the argument and environment strings, with
// the execfn string at the very top. The stack pointer is 16-byte aligned.
using Fast.Runtime;

namespace Fast.Os.Process;

public static class Auxv
{
    public const ulong AT_NULL = 0, AT_IGNORE = 1, AT_EXECFD = 2, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6,
        AT_BASE = 7, AT_FLAGS = 8, AT_ENTRY = 9, AT_NOTELF = 10, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
        AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_BASE_PLATFORM = 24, AT_RANDOM = 25,
        AT_HWCAP2 = 26, AT_EXECFN = 31, AT_MINSIGSTKSZ = 51;

    // AT_HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h): only what Fast implements is advertised.
    // Crypto (AES, PMULL, SHA1, SHA2) is advertised because those rows pass the same Unicorn
    // differential testing as the rest (fast difftest --class simd) and qemu's recorded results.
    public const ulong HWCAP_FP = 1 << 0, HWCAP_ASIMD = 1 << 1, HWCAP_AES = 1 << 3, HWCAP_PMULL = 1 << 4, HWCAP_SHA1 = 1 << 5,
        HWCAP_SHA2 = 1 << 6, HWCAP_CRC32 = 1 << 7, HWCAP_ATOMICS = 1 << 8;
}

public static class InitialStack
{
    /// <summary>Writes the initial stack below top; returns the stack pointer for the entry point.</summary>
    public static ulong Build(UserMemory user, ulong top, IReadOnlyList<string> args, IReadOnlyList<string> env,
        (ulong Type, ulong Value)[] auxv, string execfn, ReadOnlySpan<byte> random16)
    {
        ulong sp = top;
        ulong PushBytes(ReadOnlySpan<byte> bytes)
        {
            sp -= (ulong)bytes.Length;
            if (user.Write(sp, bytes) != 0) throw new LoaderException("cannot write the initial stack");
            return sp;
        }
        ulong PushString(string s) => PushBytes(Latin1Text.GetBytes(s + "\0"));

        PushBytes(new byte[8]);                 // end marker, as Linux leaves
        ulong execfnAddress = PushString(execfn);
        // Strings pushed last-first, so they lie in order; arrays and loops (LINQ and List over ulong
        // are JIT-compiled at every start: framework generics outside ReadyToRun's version bubble).
        var envAddresses = new ulong[env.Count];
        for (int i = env.Count - 1; i >= 0; i--) envAddresses[i] = PushString(env[i]);
        var argAddresses = new ulong[args.Count];
        for (int i = args.Count - 1; i >= 0; i--) argAddresses[i] = PushString(args[i]);
        ulong platform = PushString("aarch64");
        sp &= ~15UL;
        ulong random = PushBytes(random16[..16]);

        // argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL pair
        var vector = new ulong[1 + args.Count + 1 + env.Count + 1 + 2 * auxv.Length + 2];
        int n = 0;
        vector[n++] = (ulong)args.Count;
        foreach (ulong a in argAddresses) vector[n++] = a;
        vector[n++] = 0;
        foreach (ulong e in envAddresses) vector[n++] = e;
        vector[n++] = 0;
        foreach (var (type, value) in auxv)
        {
            vector[n++] = type;
            vector[n++] = type switch { Auxv.AT_RANDOM => random, Auxv.AT_EXECFN => execfnAddress, Auxv.AT_PLATFORM => platform, _ => value };
        }
        vector[n++] = Auxv.AT_NULL;
        vector[n++] = 0;

        sp -= (ulong)vector.Length * 8;
        sp &= ~15UL;
        var bytes = new byte[vector.Length * 8];
        for (int i = 0; i < vector.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), vector[i]);
        if (user.Write(sp, bytes) != 0) throw new LoaderException("cannot write the initial stack");
        return sp;
    }
}
