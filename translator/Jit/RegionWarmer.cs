// RegionWarmer: compiles one made-up region on the compiler thread before the first real one.
//
// The first region a process compiles paid ~12 ms of one-time costs on top of its own (the
// emitters' tables, reflection over the value helpers, DynamicMethod and RyuJIT's first IL method
// of this shape), and each later first use of an emitter a few ms more: busybox sha256sum's hot
// loop was ready 35 ms into the run and ran 54 000 times in the interpreter meanwhile. The
// interpreter asks for this (TierUpQueue.Prewarm) once a run has retired TierUpAfter / 10
// instructions, before it may form regions, so programs as short as `busybox true` (30 000
// instructions) never pay for it. The region is never published: its method is compiled and
// called once with no budget (it returns at its entry check), like every region's warm-up.
using Fast.Translator.Interpreter;

namespace Fast.Translator.Jit;

static unsafe class RegionWarmer
{
    const ulong Base = 0x10000;

    // One of each kind of instruction tier 1 emits natively, and a few it calls semantics for (the
    // NEON of glibc's string functions), at Base + 4 * i. Assembled with aarch64-linux-gnu-as.
    static readonly uint[] Words =
    [
        0xf9400401, // loop: ldr x1, [x0, #8]
        0xb8637802, // ldr w2, [x0, x3, lsl #2]
        0x38401424, // ldrb w4, [x1], #1
        0x785fec25, // ldrh w5, [x1, #-2]!
        0xb9800406, // ldrsw x6, [x0, #4]
        0xf9000be1, // str x1, [sp, #16]
        0x38226804, // strb w4, [x0, x2]
        0xa9be7bfd, // stp x29, x30, [sp, #-32]!
        0xa9401805, // ldp x5, x6, [x0]
        0x8b020027, // add x7, x1, x2
        0x8b2248e7, // add x7, x7, w2, uxtw #2
        0x51000448, // sub w8, w2, #1
        0xeb0600e9, // subs x9, x7, x6
        0xeb0600ff, // cmp x7, x6
        0x9a8630e9, // csel x9, x7, x6, cc
        0x1a9f17ea, // cset w10, eq
        0x9a871529, // csinc x9, x9, x7, ne
        0x92401d2b, // and x11, x9, #0xff
        0xaa0a0d6c, // orr x12, x11, x10, lsl #3
        0x4ac21d8d, // eor w13, w12, w2, ror #7
        0x0a2401ad, // bic w13, w13, w4
        0xd37cedae, // lsl x14, x13, #4
        0xd3485dcf, // ubfx x15, x14, #8, #16
        0x937e4def, // sbfiz x15, x15, #2, #20
        0x9b0205f0, // madd x16, x15, x2, x1
        0x1b027e10, // mul w16, w16, w2
        0x9ac10a10, // udiv x16, x16, x1
        0x9ac22610, // lsr x16, x16, x2
        0xd2824691, // mov x17, #0x1234
        0xf2aacf11, // movk x17, #0x5678, lsl #16
        0x12800071, // mov w17, #0xfffffffc
        0x90000012, // adrp x18, loop
        0x10fffc12, // adr x18, loop
        0xd53bd053, // mrs x19, tpidr_el0
        0xdac01273, // clz x19, x19
        0x5ac00a73, // rev w19, w19
        0x4e209820, // cmeq v0.16b, v1.16b, #0
        0x0f0c8400, // shrn v0.8b, v0.8h, #4
        0x6e20a402, // umaxp v2.16b, v0.16b, v0.16b
        0x9e660014, // fmov x20, d0
        0x3dc00401, // ldr q1, [x0, #16]
        0x3d800801, // str q1, [x0, #32]
        0x4c407003, // ld1 {v3.16b}, [x0]
        0x72000a9f, // tst w20, #7
        0x54000061, // b.ne skip
        0x36180054, // tbz w20, #3, skip
        0xb5fffa54, // cbnz x20, loop
        0xa8c27bfd, // skip: ldp x29, x30, [sp], #32
        0x97ffffd0, // bl loop
        0xd63f0200, // blr x16
        0xd61f0220, // br x17
        0xd65f03c0, // ret
    ];

    /// <summary>The made-up region: every word decoded, the entry block the run up to the first control instruction.</summary>
    public static Region Build()
    {
        var rows = GeneratedDecoder.Rows;
        var instructions = new (ulong, DecodedInstruction)[Words.Length];
        for (int i = 0; i < Words.Length; i++)
        {
            int row = Decoder.Decode(Words[i]);
            instructions[i] = (Base + 4 * (ulong)i, new DecodedInstruction { Execute = row >= 0 ? rows[row].Execute : null, Word = Words[i], Row = row });
        }
        int entryCount = 1;
        while (entryCount < Words.Length && !(instructions[entryCount - 1].Item2.Row >= 0 && rows[instructions[entryCount - 1].Item2.Row].EndsBlock)) entryCount++;
        var entryInstructions = new DecodedInstruction[entryCount];
        for (int i = 0; i < entryCount; i++) entryInstructions[i] = instructions[i].Item2;
        DecodedBlock entry;
        fixed (DecodedInstruction* p = entryInstructions) entry = new DecodedBlock(Base, 0, p, entryCount, endsWithControl: true);
        return new Region(entry, [(Base, 0UL)], instructions, []) { Name = "guest!warm-up" };
    }
}
