// Advanced SIMD load/store structures (ARM ARM C7.2 LD1-LD4, LD1R-LD4R, ST1-ST4; shared decode in
// aarch64/instrs/memory/vector/multiple/nowb and .../single/nowb). Loads read every element into
// a local copy of the register file slice first, then write registers and the base: a fault
// abandons the instruction with no register change.
using Fast.Runtime;
using Fast.Translator.Semantics.AdvSimd;

namespace Fast.Translator.Semantics;

public static unsafe class AdvSimdLoadStoreMultiple
{
    /// <summary>(rpt, selem) for a multiple-structures opcode.</summary>
    public static (int Rpt, int Selem) Layout(uint opcode) => opcode switch
    {
        0b0000 => (1, 4),
        0b0010 => (4, 1),
        0b0100 => (1, 3),
        0b0110 => (3, 1),
        0b0111 => (1, 1),
        0b1000 => (1, 2),
        _ => (2, 1),   // 1010
    };

    static ulong ReadElem(CpuState* c, ulong va, int ebytes) => ebytes switch
    {
        1 => GuestMemory.Read8(c, va),
        2 => GuestMemory.Read16(c, va),
        4 => GuestMemory.Read32(c, va),
        _ => GuestMemory.Read64(c, va),
    };

    static void WriteElem(CpuState* c, ulong va, int ebytes, ulong value)
    {
        switch (ebytes)
        {
            case 1: GuestMemory.Write8(c, va, (byte)value); break;
            case 2: GuestMemory.Write16(c, va, (ushort)value); break;
            case 4: GuestMemory.Write32(c, va, (uint)value); break;
            default: GuestMemory.Write64(c, va, value); break;
        }
    }

    /// <summary>Element size used for the accesses: whole 64-bit chunks when LD1/ST1 needs no alignment checks.</summary>
    static int AccessBytes(CpuState* c, int esize, int selem) =>
        selem == 1 && (c->Control & CpuControl.AlignmentCheck) == 0 ? 8 : esize / 8;

    static int Transfer(CpuState* c, uint Q, uint opcode, uint size, uint Rn, uint Rt, bool load)
    {
        var (rpt, selem) = Layout(opcode);
        int esize = 8 << (int)size, datasize = Simd.DataSize(Q), elements = datasize / esize, ebytes = esize / 8;
        ulong address = CpuState.GetXsp(c, Rn);
        int total = rpt * selem * datasize / 8;
        if (selem == 1) { ebytes = AccessBytes(c, esize, 1); esize = ebytes * 8; elements = datasize / esize; }
        Vector128Bits* regs = stackalloc Vector128Bits[4];   // (not a Span: Span<Vector128Bits> is JIT-compiled at start-up)
        for (int i = 0; i < rpt * selem; i++) regs[i] = load ? default : Simd.Read(c, (Rt + (uint)i) % 32);
        ulong offs = 0;
        for (int r = 0; r < rpt; r++)
            for (int e = 0; e < elements; e++)
                for (int s = 0; s < selem; s++)
                {
                    ref Vector128Bits v = ref regs[r + s];
                    if (load) Simd.SetElem(ref v, e, esize, ReadElem(c, address + offs, ebytes));
                    else WriteElem(c, address + offs, ebytes, Simd.Elem(v, e, esize));
                    offs += (ulong)ebytes;
                }
        if (load)
            for (int i = 0; i < rpt * selem; i++) Simd.Write(c, (Rt + (uint)i) % 32, regs[i], Q);
        return total;
    }

    static void PostIndex(CpuState* c, uint Rm, uint Rn, int total) =>
        CpuState.SetXsp(c, Rn, CpuState.GetXsp(c, Rn) + (Rm == 31 ? (ulong)total : CpuState.GetX(c, Rm)));

    public static void LD_multi(CpuState* c, uint Q, uint opcode, uint size, uint Rn, uint Rt) => Transfer(c, Q, opcode, size, Rn, Rt, true);
    public static void ST_multi(CpuState* c, uint Q, uint opcode, uint size, uint Rn, uint Rt) => Transfer(c, Q, opcode, size, Rn, Rt, false);

    public static void LD_multi_post(CpuState* c, uint Q, uint Rm, uint opcode, uint size, uint Rn, uint Rt)
    {
        int total = Transfer(c, Q, opcode, size, Rn, Rt, true);
        PostIndex(c, Rm, Rn, total);
    }

    public static void ST_multi_post(CpuState* c, uint Q, uint Rm, uint opcode, uint size, uint Rn, uint Rt) =>
        PostIndex(c, Rm, Rn, Transfer(c, Q, opcode, size, Rn, Rt, false));
}

public static unsafe class AdvSimdLoadStoreSingle
{
    /// <summary>Decodes a single-structure lane: element size in bytes and index.</summary>
    public static (int Ebytes, int Index) Lane(uint Q, uint opcode, uint S, uint size)
    {
        switch (opcode >> 1)
        {
            case 0: return (1, (int)((Q << 3) | (S << 2) | size));
            case 1: return (2, (int)((Q << 2) | (S << 1) | (size >> 1)));
            default:
                return (size & 1) == 0 ? (4, (int)((Q << 1) | S)) : (8, (int)Q);
        }
    }

    public static int Selem(uint opcode, uint R) => (int)(((opcode & 1) << 1) | R) + 1;

    static int Transfer(CpuState* c, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt, bool load)
    {
        var (ebytes, index) = Lane(Q, opcode, S, size);
        int selem = Selem(opcode, R), esize = ebytes * 8;
        ulong address = CpuState.GetXsp(c, Rn);
        Vector128Bits* regs = stackalloc Vector128Bits[4];   // (not a Span: Span<Vector128Bits> is JIT-compiled at start-up)
        for (int s = 0; s < selem; s++) regs[s] = Simd.Read(c, (Rt + (uint)s) % 32);
        for (int s = 0; s < selem; s++)
        {
            ulong va = address + (ulong)(s * ebytes);
            if (load)
            {
                ulong value = ebytes switch { 1 => GuestMemory.Read8(c, va), 2 => GuestMemory.Read16(c, va), 4 => GuestMemory.Read32(c, va), _ => GuestMemory.Read64(c, va) };
                Simd.SetElem(ref regs[s], index, esize, value);
            }
            else
            {
                ulong value = Simd.Elem(regs[s], index, esize);
                switch (ebytes)
                {
                    case 1: GuestMemory.Write8(c, va, (byte)value); break;
                    case 2: GuestMemory.Write16(c, va, (ushort)value); break;
                    case 4: GuestMemory.Write32(c, va, (uint)value); break;
                    default: GuestMemory.Write64(c, va, value); break;
                }
            }
        }
        if (load)
            for (int s = 0; s < selem; s++) Simd.Write(c, (Rt + (uint)s) % 32, regs[s], 1);
        return selem * ebytes;
    }

    static int Replicate(CpuState* c, uint Q, uint R, uint o0, uint size, uint Rn, uint Rt)
    {
        int selem = (int)((o0 << 1) | R) + 1, esize = 8 << (int)size, ebytes = esize / 8;
        ulong address = CpuState.GetXsp(c, Rn);
        Span<ulong> values = stackalloc ulong[4];
        for (int s = 0; s < selem; s++)
        {
            ulong va = address + (ulong)(s * ebytes);
            values[s] = ebytes switch { 1 => GuestMemory.Read8(c, va), 2 => GuestMemory.Read16(c, va), 4 => GuestMemory.Read32(c, va), _ => GuestMemory.Read64(c, va) };
        }
        for (int s = 0; s < selem; s++)
        {
            ulong rep = Bits.Replicate(values[s], esize, 64);
            Simd.Write(c, (Rt + (uint)s) % 32, new Vector128Bits { Low = rep, High = rep }, Q);
        }
        return selem * ebytes;
    }

    static void PostIndex(CpuState* c, uint Rm, uint Rn, int total, ulong offset) =>
        CpuState.SetXsp(c, Rn, CpuState.GetXsp(c, Rn) + (Rm == 31 ? (ulong)total : offset));

    public static void LD_single(CpuState* c, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt) => Transfer(c, Q, R, opcode, S, size, Rn, Rt, true);
    public static void ST_single(CpuState* c, uint Q, uint R, uint opcode, uint S, uint size, uint Rn, uint Rt) => Transfer(c, Q, R, opcode, S, size, Rn, Rt, false);
    public static void LD_single_post(CpuState* c, uint Q, uint R, uint Rm, uint opcode, uint S, uint size, uint Rn, uint Rt)
    {
        ulong offset = CpuState.GetX(c, Rm);
        PostIndex(c, Rm, Rn, Transfer(c, Q, R, opcode, S, size, Rn, Rt, true), offset);
    }
    public static void ST_single_post(CpuState* c, uint Q, uint R, uint Rm, uint opcode, uint S, uint size, uint Rn, uint Rt) =>
        PostIndex(c, Rm, Rn, Transfer(c, Q, R, opcode, S, size, Rn, Rt, false), CpuState.GetX(c, Rm));
    public static void LD_replicate(CpuState* c, uint Q, uint R, uint o0, uint S, uint size, uint Rn, uint Rt) => Replicate(c, Q, R, o0, size, Rn, Rt);
    public static void LD_replicate_post(CpuState* c, uint Q, uint R, uint Rm, uint o0, uint S, uint size, uint Rn, uint Rt)
    {
        ulong offset = CpuState.GetX(c, Rm);
        PostIndex(c, Rm, Rn, Replicate(c, Q, R, o0, size, Rn, Rt), offset);
    }
}
