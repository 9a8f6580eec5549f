// Disassembly of the FEAT_LSE atomics, in objdump's syntax (ST<op> aliases for Rt = 31 without acquire).
namespace Fast.Translator.Disassembly;

public static class LoadStoreAtomic
{
    static string Order(uint acquire, uint release) => (acquire != 0 ? "a" : "") + (release != 0 ? "l" : "");

    static string Op(string op, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) =>
        Rt == 31 && A == 0
            ? $"st{op}{Order(0, R)}{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rs)}, {Fmt.Mem(Rn)}"
            : $"ld{op}{Order(A, R)}{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rs)}, {Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";

    public static string LDADD(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("add", size, A, R, Rs, Rn, Rt);
    public static string LDCLR(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("clr", size, A, R, Rs, Rn, Rt);
    public static string LDEOR(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("eor", size, A, R, Rs, Rn, Rt);
    public static string LDSET(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("set", size, A, R, Rs, Rn, Rt);
    public static string LDSMAX(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("smax", size, A, R, Rs, Rn, Rt);
    public static string LDSMIN(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("smin", size, A, R, Rs, Rn, Rt);
    public static string LDUMAX(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("umax", size, A, R, Rs, Rn, Rt);
    public static string LDUMIN(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) => Op("umin", size, A, R, Rs, Rn, Rt);

    public static string SWP(ulong pc, uint size, uint A, uint R, uint Rs, uint Rn, uint Rt) =>
        $"swp{Order(A, R)}{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rs)}, {Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";

    public static string CAS(ulong pc, uint size, uint L, uint Rs, uint o0, uint Rn, uint Rt) =>
        $"cas{Order(L, o0)}{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rs)}, {Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";

    public static string CASP(ulong pc, uint sz, uint L, uint Rs, uint o0, uint Rn, uint Rt) =>
        $"casp{Order(L, o0)}\t{Fmt.R(sz, Rs)}, {Fmt.R(sz, Rs + 1)}, {Fmt.R(sz, Rt)}, {Fmt.R(sz, Rt + 1)}, {Fmt.Mem(Rn)}";
}
