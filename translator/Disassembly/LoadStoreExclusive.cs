// Disassembly of the exclusives and ordered accesses, in objdump's syntax.
namespace Fast.Translator.Disassembly;

public static class LoadStoreExclusive
{
    public static string STXR(ulong pc, uint size, uint Rs, uint Rn, uint Rt) =>
        $"stxr{Fmt.SizeSuffix(size)}\t{Fmt.W(Rs)}, {Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
    public static string STLXR(ulong pc, uint size, uint Rs, uint Rn, uint Rt) =>
        $"stlxr{Fmt.SizeSuffix(size)}\t{Fmt.W(Rs)}, {Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
    public static string LDXR(ulong pc, uint size, uint Rn, uint Rt) =>
        $"ldxr{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
    public static string LDAXR(ulong pc, uint size, uint Rn, uint Rt) =>
        $"ldaxr{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
    public static string STXP(ulong pc, uint sz, uint Rs, uint Rt2, uint Rn, uint Rt) =>
        $"stxp\t{Fmt.W(Rs)}, {Fmt.R(sz, Rt)}, {Fmt.R(sz, Rt2)}, {Fmt.Mem(Rn)}";
    public static string STLXP(ulong pc, uint sz, uint Rs, uint Rt2, uint Rn, uint Rt) =>
        $"stlxp\t{Fmt.W(Rs)}, {Fmt.R(sz, Rt)}, {Fmt.R(sz, Rt2)}, {Fmt.Mem(Rn)}";
    public static string LDXP(ulong pc, uint sz, uint Rt2, uint Rn, uint Rt) =>
        $"ldxp\t{Fmt.R(sz, Rt)}, {Fmt.R(sz, Rt2)}, {Fmt.Mem(Rn)}";
    public static string LDAXP(ulong pc, uint sz, uint Rt2, uint Rn, uint Rt) =>
        $"ldaxp\t{Fmt.R(sz, Rt)}, {Fmt.R(sz, Rt2)}, {Fmt.Mem(Rn)}";
    public static string STLR(ulong pc, uint size, uint Rn, uint Rt) =>
        $"stlr{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
    public static string LDAR(ulong pc, uint size, uint Rn, uint Rt) =>
        $"ldar{Fmt.SizeSuffix(size)}\t{Fmt.RBySize(size, Rt)}, {Fmt.Mem(Rn)}";
}
