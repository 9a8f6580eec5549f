// The FP/SIMD guest loops of the interpreter benchmarks (assembled with aarch64-linux-gnu-as).
namespace Fast.Perf.Micro;

public static class SimdLoops
{
    /// <summary>memcpy kernel, 32 bytes per 4 instructions; X0 = dst, X1 = src, X2 = bytes (multiple of 32).</summary>
    public static readonly uint[] Memcpy =
    [
        0xacc10420, // ldp  q0, q1, [x1], #32
        0xac810400, // stp  q0, q1, [x0], #32
        0xf1008042, // subs x2, x2, #0x20
        0x54ffffa1, // b.ne 0 (loop)
        0xd43e01a0, // brk  #0xf00d
    ];

    /// <summary>strlen kernel, 16 bytes per 5 instructions; X0 = string (NUL-terminated).</summary>
    public static readonly uint[] Strlen =
    [
        0x4cdf7000, // ld1   {v0.16b}, [x0], #16
        0x4e209801, // cmeq  v1.16b, v0.16b, #0
        0x6e30a822, // umaxv b2, v1.16b
        0x1e260043, // fmov  w3, s2
        0x34ffff83, // cbz   w3, 0 (loop)
        0xd43e01a0, // brk   #0xf00d
    ];

    /// <summary>Scalar double-precision loop, 6 instructions per iteration; X0 = iterations.</summary>
    public static readonly uint[] ScalarFp =
    [
        0x1f420020, // fmadd d0, d1, d2, d0
        0x1e632821, // fadd  d1, d1, d3
        0x1e630804, // fmul  d4, d0, d3
        0x1e61c085, // fsqrt d5, d4
        0xf1000400, // subs  x0, x0, #0x1
        0x54ffff61, // b.ne  0 (loop)
        0xd43e01a0, // brk   #0xf00d
    ];
}
