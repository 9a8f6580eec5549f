// Unicorn: a small hand-written P/Invoke layer over Debian's libunicorn2 (2.0.1), the oracle of
// `fast difftest`. Only what the differential tester needs: an AArch64 engine, memory mapping,
// registers, emulation with an instruction count, and three kinds of hooks (interrupts, memory
// writes, unmapped accesses). Every enum value below was read from /usr/include/unicorn/*.h
// (printed by a C program compiled against those headers), never guessed.
//
// Errors: every uc_* call that fails throws UnicornException carrying uc_strerror's text, except
// uc_emu_start, whose "stopped on an unmapped access / invalid instruction" results are outcomes
// of the guest program and are returned to the caller.
//
// Callbacks are static [UnmanagedCallersOnly] functions; user_data is a GCHandle of the engine
// object, so one process may hold several engines. An engine is used by one thread at a time.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fast.Cli.Difftest;

public enum UcErr
{
    Ok = 0, NoMem, Arch, Handle, Mode, Version, ReadUnmapped, WriteUnmapped, FetchUnmapped, Hook,
    InsnInvalid, Map, WriteProt, ReadProt, FetchProt, Arg, ReadUnaligned, WriteUnaligned, FetchUnaligned,
    HookExist, Resource, Exception,
}

/// <summary>uc_mem_type (unicorn.h): the kind of access a memory hook reports.</summary>
public enum UcMemType
{
    Read = 16, Write, Fetch, ReadUnmapped, WriteUnmapped, FetchUnmapped, WriteProt, ReadProt, FetchProt, ReadAfter,
}

/// <summary>uc_arm64_reg values (arm64.h) the tester uses. X0..X28, Q0..Q31 and V0..V31 are contiguous.</summary>
public static class UcArm64Reg
{
    public const int X29 = 1, X30 = 2, Nzcv = 3, Sp = 4;
    public const int Q0 = 104;                 // ..Q31 = 135
    public const int X0 = 199;                 // ..X28 = 227
    public const int V0 = 228;                 // ..V31 = 259
    public const int Pc = 260, CpacrEl1 = 261, TpidrEl0 = 262, TpidrroEl0 = 263, Pstate = 265;
    public const int Fpcr = 291, Fpsr = 292;

    /// <summary>The id of Xn for n in 0..30.</summary>
    public static int X(int n) => n switch
    {
        < 0 or > 30 => throw new ArgumentOutOfRangeException(nameof(n)),
        29 => X29,
        30 => X30,
        _ => X0 + n,
    };

    public static int Q(int n) => (uint)n < 32 ? Q0 + n : throw new ArgumentOutOfRangeException(nameof(n));
}

/// <summary>uc_cpu_arm64 (arm64.h).</summary>
public enum UcArm64Cpu { A57 = 0, A53, A72, Max }

public sealed class UnicornException(string message, UcErr error) : Exception(message)
{
    public UcErr Error { get; } = error;
}

public sealed unsafe class Unicorn : IDisposable
{
    const string Lib = "libunicorn.so.2";
    const int UcArchArm64 = 2, UcModeArm = 0;
    public const uint ProtAll = 7;
    const int HookIntr = 1 << 0, HookCode = 1 << 2, HookMemReadUnmapped = 1 << 4, HookMemWriteUnmapped = 1 << 5,
        HookMemFetchUnmapped = 1 << 6, HookMemWrite = 1 << 11;
    // uc_control_type values and the UC_CTL(type, nr, rw) = type | nr << 26 | rw << 30 encoding.
    const int CtlCpuModel = 7, CtlTbRemoveCache = 9, CtlTbFlush = 10, CtlIoWrite = 1;
    static int CtlWrite(int type, int nr) => type | (nr << 26) | (CtlIoWrite << 30);

    [DllImport(Lib)] static extern UcErr uc_open(int arch, int mode, out nint uc);
    [DllImport(Lib)] static extern UcErr uc_close(nint uc);
    [DllImport(Lib)] static extern nint uc_strerror(UcErr code);
    [DllImport(Lib)] static extern UcErr uc_mem_map(nint uc, ulong address, nuint size, uint perms);
    [DllImport(Lib)] static extern UcErr uc_mem_map_ptr(nint uc, ulong address, nuint size, uint perms, void* ptr);
    [DllImport(Lib)] static extern UcErr uc_mem_write(nint uc, ulong address, void* bytes, nuint size);
    [DllImport(Lib)] static extern UcErr uc_mem_read(nint uc, ulong address, void* bytes, nuint size);
    [DllImport(Lib)] static extern UcErr uc_reg_write(nint uc, int regid, void* value);
    [DllImport(Lib)] static extern UcErr uc_reg_read(nint uc, int regid, void* value);
    [DllImport(Lib)] static extern UcErr uc_emu_start(nint uc, ulong begin, ulong until, ulong timeout, nuint count);
    [DllImport(Lib)] static extern UcErr uc_emu_stop(nint uc);
    // uc_hook_add and uc_ctl are variadic; on x86-64 SysV the fixed-argument calls below pass the
    // same registers a variadic call does (integer arguments only).
    [DllImport(Lib)] static extern UcErr uc_hook_add(nint uc, out nint hh, int type, void* callback, nint userData, ulong begin, ulong end);
    [DllImport(Lib, EntryPoint = "uc_ctl")] static extern UcErr uc_ctl0(nint uc, int control);
    [DllImport(Lib, EntryPoint = "uc_ctl")] static extern UcErr uc_ctl1(nint uc, int control, int arg);
    [DllImport(Lib, EntryPoint = "uc_ctl")] static extern UcErr uc_ctl2(nint uc, int control, ulong arg1, ulong arg2);

    nint uc;
    GCHandle self;

    /// <summary>Called for UC_HOOK_INTR with the QEMU exception number (arm: 1 UDEF, 2 SWI, 7 BKPT, ...).</summary>
    public Action<uint>? Interrupt { get; set; }
    /// <summary>Called before every guest instruction (UC_HOOK_CODE): address, size. Installed only if set before the first Start.</summary>
    public Action<ulong, uint>? Code { get; set; }
    bool codeHooked;
    /// <summary>Called before every guest memory write: address, size, value.</summary>
    public Action<ulong, int, long>? MemoryWrite { get; set; }
    /// <summary>Called on an access to unmapped memory; return true only if the hook mapped it.</summary>
    public Func<UcMemType, ulong, int, bool>? Unmapped { get; set; }

    public Unicorn(UcArm64Cpu? cpu = null)
    {
        Check(uc_open(UcArchArm64, UcModeArm, out uc), "uc_open");
        self = GCHandle.Alloc(this);
        if (cpu is { } model) Check(uc_ctl1(uc, CtlWrite(CtlCpuModel, 1), (int)model), "uc_ctl(CPU_MODEL)");
        nint user = GCHandle.ToIntPtr(self);
        Check(uc_hook_add(uc, out _, HookIntr, (delegate* unmanaged<nint, uint, nint, void>)&OnInterrupt, user, 1, 0), "uc_hook_add(INTR)");
        Check(uc_hook_add(uc, out _, HookMemWrite, (delegate* unmanaged<nint, int, ulong, int, long, nint, void>)&OnMemWrite, user, 1, 0), "uc_hook_add(MEM_WRITE)");
        Check(uc_hook_add(uc, out _, HookMemReadUnmapped | HookMemWriteUnmapped | HookMemFetchUnmapped,
            (delegate* unmanaged<nint, int, ulong, int, long, nint, byte>)&OnUnmapped, user, 1, 0), "uc_hook_add(MEM_UNMAPPED)");
    }

    public static string ErrorText(UcErr e) => Marshal.PtrToStringUTF8(uc_strerror(e)) ?? e.ToString();

    static void Check(UcErr e, string what)
    {
        if (e != UcErr.Ok) throw new UnicornException($"{what}: {ErrorText(e)}", e);
    }

    public void Map(ulong address, ulong size, uint perms = ProtAll) => Check(uc_mem_map(uc, address, (nuint)size, perms), "uc_mem_map");

    /// <summary>Maps host memory the caller owns (it must outlive the engine) as guest memory.</summary>
    public void MapPointer(ulong address, ulong size, void* host, uint perms = ProtAll) =>
        Check(uc_mem_map_ptr(uc, address, (nuint)size, perms, host), "uc_mem_map_ptr");

    public void Write(ulong address, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes) Check(uc_mem_write(uc, address, p, (nuint)bytes.Length), "uc_mem_write");
    }

    public void Read(ulong address, Span<byte> bytes)
    {
        fixed (byte* p = bytes) Check(uc_mem_read(uc, address, p, (nuint)bytes.Length), "uc_mem_read");
    }

    /// <summary>Reads a register of up to 64 bits. The buffer is zeroed first: Unicorn writes only 32 bits of NZCV/PSTATE.</summary>
    public ulong ReadReg(int reg)
    {
        ulong v = 0;
        Check(uc_reg_read(uc, reg, &v), "uc_reg_read");
        return v;
    }

    public void WriteReg(int reg, ulong value) => Check(uc_reg_write(uc, reg, &value), "uc_reg_write");

    /// <summary>Reads a 128-bit register (Qn/Vn) as its low and high halves.</summary>
    public (ulong Low, ulong High) ReadReg128(int reg)
    {
        ulong* v = stackalloc ulong[2];
        v[0] = v[1] = 0;
        Check(uc_reg_read(uc, reg, v), "uc_reg_read");
        return (v[0], v[1]);
    }

    public void WriteReg128(int reg, ulong low, ulong high)
    {
        ulong* v = stackalloc ulong[2];
        v[0] = low;
        v[1] = high;
        Check(uc_reg_write(uc, reg, v), "uc_reg_write");
    }

    /// <summary>
    /// Emulates from begin for at most count instructions (0 = unbounded). Returns Ok, or the
    /// guest-caused stop (ReadUnmapped, WriteUnmapped, FetchUnmapped, InsnInvalid, ...); throws on
    /// errors of the API itself (bad argument, handle).
    /// </summary>
    public UcErr Start(ulong begin, ulong until, ulong count, ulong timeoutMicroseconds = 0)
    {
        if (Code is not null && !codeHooked)
        {
            Check(uc_hook_add(uc, out _, HookCode, (delegate* unmanaged<nint, ulong, uint, nint, void>)&OnCode, GCHandle.ToIntPtr(self), 1, 0), "uc_hook_add(CODE)");
            codeHooked = true;
        }
        var e = uc_emu_start(uc, begin, until, timeoutMicroseconds, (nuint)count);
        if (e is UcErr.Arg or UcErr.Handle or UcErr.NoMem or UcErr.Hook or UcErr.Map) Check(e, "uc_emu_start");
        return e;
    }

    public void Stop() => Check(uc_emu_stop(uc), "uc_emu_stop");

    /// <summary>Drops every translated block. Slow (about 20 ms): prefer RemoveTranslations.</summary>
    public void FlushTranslations() => Check(uc_ctl0(uc, CtlWrite(CtlTbFlush, 0)), "uc_ctl(TB_FLUSH)");

    /// <summary>
    /// Drops the translated blocks of code in [begin, end) — needed after changing code behind
    /// Unicorn's back, e.g. through MapPointer memory.
    /// </summary>
    public void RemoveTranslations(ulong begin, ulong end) =>
        Check(uc_ctl2(uc, CtlWrite(CtlTbRemoveCache, 2), begin, end), "uc_ctl(TB_REMOVE_CACHE)");

    static Unicorn From(nint user) => (Unicorn)GCHandle.FromIntPtr(user).Target!;

    [UnmanagedCallersOnly]
    static void OnInterrupt(nint uc, uint intno, nint user)
    {
        try { From(user).Interrupt?.Invoke(intno); }
        catch (Exception e) { Console.Error.WriteLine($"unicorn interrupt hook: {e}"); uc_emu_stop(uc); }
    }

    [UnmanagedCallersOnly]
    static void OnCode(nint uc, ulong address, uint size, nint user)
    {
        try { From(user).Code?.Invoke(address, size); }
        catch (Exception e) { Console.Error.WriteLine($"unicorn code hook: {e}"); uc_emu_stop(uc); }
    }

    [UnmanagedCallersOnly]
    static void OnMemWrite(nint uc, int type, ulong address, int size, long value, nint user)
    {
        try { From(user).MemoryWrite?.Invoke(address, size, value); }
        catch (Exception e) { Console.Error.WriteLine($"unicorn write hook: {e}"); uc_emu_stop(uc); }
    }

    [UnmanagedCallersOnly]
    static byte OnUnmapped(nint uc, int type, ulong address, int size, long value, nint user)
    {
        try { return From(user).Unmapped?.Invoke((UcMemType)type, address, size) == true ? (byte)1 : (byte)0; }
        catch (Exception e) { Console.Error.WriteLine($"unicorn unmapped hook: {e}"); return 0; }
    }

    public void Dispose()
    {
        if (uc != 0) { uc_close(uc); uc = 0; }
        if (self.IsAllocated) self.Free();
    }
}
