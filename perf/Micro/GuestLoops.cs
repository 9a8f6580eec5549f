// The guest loops the interpreter benchmarks run, as A64 words with their assembly
// (assembled with aarch64-linux-gnu-as; see each comment). Each ends in BRK #0xF00D.
namespace Fast.Perf.Micro;

public static class GuestLoops
{
    /// <summary>Integer ALU loop, 5 instructions per iteration; X0 = iterations.</summary>
    public static readonly uint[] Integer =
    [
        0x8b000021, // add  x1, x1, x0
        0xca010c42, // eor  x2, x2, x1, lsl #3
        0x9b020c23, // madd x3, x1, x2, x3
        0xf1000400, // subs x0, x0, #0x1
        0x54ffff81, // b.ne 0 (loop)
        0xd43e01a0, // brk  #0xf00d
    ];

    /// <summary>Memory loop, 9 instructions per iteration, 4 accesses; X0 = 8 x iterations, X4 = buffer, X5 = mask.</summary>
    public static readonly uint[] Memory =
    [
        0x8a050006, // and  x6, x0, x5
        0xf8666887, // ldr  x7, [x4, x6]
        0x8b0000e7, // add  x7, x7, x0
        0xf8266887, // str  x7, [x4, x6]
        0xa9412488, // ldp  x8, x9, [x4, #16]
        0x8b090108, // add  x8, x8, x9
        0xa9012089, // stp  x9, x8, [x4, #16]
        0xf1002000, // subs x0, x0, #0x8
        0x54ffff01, // b.ne 0 (loop)
        0xd43e01a0, // brk  #0xf00d
    ];

    /// <summary>Branchy loop over an LFSR (data-dependent TBZ/CBZ, CSEL); X0 = iterations, X1 = seed, X7 = taps.</summary>
    public static readonly uint[] Branchy =
    [
        0x36000061, // tbz  w1, #0, +12
        0xca070021, // eor  x1, x1, x7
        0x91000442, // add  x2, x2, #0x1
        0xd341fc21, // lsr  x1, x1, #1
        0xb4000061, // cbz  x1, +12
        0xeb03005f, // cmp  x2, x3
        0x9a83c043, // csel x3, x2, x3, gt
        0xf1000400, // subs x0, x0, #0x1
        0x54ffff01, // b.ne 0 (loop)
        0xd43e01a0, // brk  #0xf00d
    ];
}
