// The data-processing semantics against Unicorn (libunicorn 2, DESIGN.md section 7): random words of
// the data-processing rows, run one at a time with random registers and flags in both, compared
// register by register. The P/Invoke surface is private to this test and minimal.
using System.Runtime.InteropServices;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

public unsafe class DataProcessingUnicornTests
{
    [Fact]
    public void RandomInstructionsMatchUnicorn()
    {
        var words = DataProcessingObjdumpTests.RandomWords(DataProcessingObjdumpTests.OurRows(), 30_000, seed: 99);
        var random = new Random(4242);
        using var h = new GuestHarness();
        using var uc = new Unicorn();
        var failures = new List<string>();
        ulong[] special = [0, 1, 2, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x1_00000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, ulong.MaxValue, ulong.MaxValue - 1];
        for (int i = 0; i < words.Count; i++)
        {
            uint word = words[i];
            ulong pc = GuestHarness.CodeBase + (ulong)i * 8;   // a fresh address per word: no stale translations
            var regs = new ulong[32];
            for (int r = 0; r < 32; r++)
                regs[r] = random.Next(3) == 0 ? special[random.Next(special.Length)] : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            regs[31] &= ~0xFUL;   // SP
            ulong nzcv = (ulong)random.Next(16) << 28;

            for (int r = 0; r < 32; r++) h.SetX(r, regs[r]);
            h.Nzcv = nzcv;
            h.Load(pc, word, GuestHarness.EndMarker);
            h.Os.Exceptions.Clear();
            h.PC = pc;
            h.Cpu.Run(100);

            var expected = uc.Step(word, pc, regs, nzcv, out ulong expectedNzcv);
            var diffs = new List<string>();
            for (int r = 0; r < 32; r++)
                if (h.X(r) != expected[r]) diffs.Add($"{(r == 31 ? "sp" : "x" + r)}: ours 0x{h.X(r):x} unicorn 0x{expected[r]:x}");
            if (h.Nzcv != expectedNzcv) diffs.Add($"nzcv: ours 0x{h.Nzcv:x} unicorn 0x{expectedNzcv:x}");
            if (diffs.Count > 0)
                failures.Add($"0x{word:x8} {Fast.Translator.Disassembler.Disassemble(word, pc)} (nzcv in 0x{nzcv:x}): {string.Join("; ", diffs)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>Just enough of libunicorn to run one A64 instruction.</summary>
    sealed class Unicorn : IDisposable
    {
        const string Lib = "libunicorn.so.2";
        const int ArchArm64 = 2, ModeArm = 0;
        const int RegX29 = 1, RegX30 = 2, RegNzcv = 3, RegSp = 4, RegX0 = 199, RegPc = 260;
        const ulong Base = 0x10000, Size = 2UL << 20;

        [DllImport(Lib)] static extern int uc_open(int arch, int mode, out nint uc);
        [DllImport(Lib)] static extern int uc_close(nint uc);
        [DllImport(Lib)] static extern int uc_mem_map(nint uc, ulong address, nuint size, uint perms);
        [DllImport(Lib)] static extern int uc_mem_write(nint uc, ulong address, byte* bytes, nuint size);
        [DllImport(Lib)] static extern int uc_reg_write(nint uc, int regid, ulong* value);
        [DllImport(Lib)] static extern int uc_reg_read(nint uc, int regid, ulong* value);
        [DllImport(Lib)] static extern int uc_emu_start(nint uc, ulong begin, ulong until, ulong timeout, nuint count);

        readonly nint uc;

        public Unicorn()
        {
            Check(uc_open(ArchArm64, ModeArm, out uc));
            Check(uc_mem_map(uc, Base, (nuint)Size, 7));
        }

        static int Reg(int r) => r switch { 29 => RegX29, 30 => RegX30, 31 => RegSp, _ => RegX0 + r };

        public ulong[] Step(uint word, ulong pc, ulong[] regs, ulong nzcv, out ulong nzcvOut)
        {
            ulong at = pc;   // same address as in Fast, so ADR/ADRP agree
            if (at < Base || at + 4 > Base + Size) throw new ArgumentOutOfRangeException(nameof(pc));
            Check(uc_mem_write(uc, at, (byte*)&word, 4));
            for (int r = 0; r < 32; r++) { ulong v = regs[r]; Check(uc_reg_write(uc, Reg(r), &v)); }
            Check(uc_reg_write(uc, RegNzcv, &nzcv));
            Check(uc_emu_start(uc, at, at + 4, 0, 1));
            var result = new ulong[32];
            for (int r = 0; r < 32; r++) { ulong v; Check(uc_reg_read(uc, Reg(r), &v)); result[r] = v; }
            ulong n; Check(uc_reg_read(uc, RegNzcv, &n)); nzcvOut = n;
            return result;
        }

        static void Check(int err)
        {
            if (err != 0) throw new InvalidOperationException($"unicorn error {err}");
        }

        public void Dispose() => uc_close(uc);
    }
}
