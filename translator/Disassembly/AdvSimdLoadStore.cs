// Disassembly of the AdvSIMD load/store structure rows.
using M = Fast.Translator.Semantics.AdvSimdLoadStoreMultiple;
using L = Fast.Translator.Semantics.AdvSimdLoadStoreSingle;

namespace Fast.Translator.Disassembly;

public static class AdvSimdLoadStoreMultiple
{
    static string Text(string op, uint Q, uint opcode, uint size, uint Rn, uint Rt, string post)
    {
        var (rpt, selem) = M.Layout(opcode);
        string m = $"{op}{selem}";
        return $"{m}\t{Fmt.VList(Rt, rpt * selem, Fmt.Arr(Q, (int)size))}, [{Fmt.XSp(Rn)}]{post}";
    }

    static string Post(uint Q, uint opcode, uint Rm)
    {
        var (rpt, selem) = M.Layout(opcode);
        return Rm == 31 ? $", #{rpt * selem * (Q != 0 ? 16 : 8)}" : $", {Fmt.X(Rm)}";
    }

    public static string LD_multi(ulong pc, uint Q, uint opcode, uint size, uint Rn, uint Rt) => Text("ld", Q, opcode, size, Rn, Rt, "");
    public static string ST_multi(ulong pc, uint Q, uint opcode, uint size, uint Rn, uint Rt) => Text("st", Q, opcode, size, Rn, Rt, "");
    public static string LD_multi_post(ulong pc, uint Q, uint Rm, uint opcode, uint size, uint Rn, uint Rt) => Text("ld", Q, opcode, size, Rn, Rt, Post(Q, opcode, Rm));
    public static string ST_multi_post(ulong pc, uint Q, uint Rm, uint opcode, uint size, uint Rn, uint Rt) => Text("st", Q, opcode, size, Rn, Rt, Post(Q, opcode, Rm));
}

public static class AdvSimdLoadStoreSingle
{
    static string Single(string op, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt, uint Rm, bool post)
    {
        var (ebytes, index) = L.Lane(Q, opcode, S, size);
        int selem = L.Selem(opcode, R);
        string t = ebytes switch { 1 => "b", 2 => "h", 4 => "s", _ => "d" };
        string tail = !post ? "" : Rm == 31 ? $", #{selem * ebytes}" : $", {Fmt.X(Rm)}";
        return $"{op}{selem}\t{Fmt.VList(Rt, selem, t)}[{index}], [{Fmt.XSp(Rn)}]{tail}";
    }

    static string Rep(uint Q, uint R, uint o0, uint size, uint Rn, uint Rt, uint Rm, bool post)
    {
        int selem = (int)((o0 << 1) | R) + 1;
        string tail = !post ? "" : Rm == 31 ? $", #{selem << (int)size}" : $", {Fmt.X(Rm)}";
        return $"ld{selem}r\t{Fmt.VList(Rt, selem, Fmt.Arr(Q, (int)size))}, [{Fmt.XSp(Rn)}]{tail}";
    }

    public static string LD_single(ulong pc, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt) => Single("ld", Q, R, opcode, S, size, Rn, Rt, 0, false);
    public static string ST_single(ulong pc, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt) => Single("st", Q, R, opcode, S, size, Rn, Rt, 0, false);
    public static string LD_single_post(ulong pc, uint Q, uint R, uint Rm, uint opcode, uint S, uint size, uint Rn, uint Rt) => Single("ld", Q, R, opcode, S, size, Rn, Rt, Rm, true);
    public static string ST_single_post(ulong pc, uint Q, uint R, uint Rm, uint opcode, uint S, uint size, uint Rn, uint Rt) => Single("st", Q, R, opcode, S, size, Rn, Rt, Rm, true);
    public static string LD_replicate(ulong pc, uint Q, uint R, uint o0, uint S, uint size, uint Rn, uint Rt) => Rep(Q, R, o0, size, Rn, Rt, 0, false);
    public static string LD_replicate_post(ulong pc, uint Q, uint R, uint Rm, uint o0, uint S, uint size, uint Rn, uint Rt) => Rep(Q, R, o0, size, Rn, Rt, Rm, true);
}
