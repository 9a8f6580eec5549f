// Shared runner for the data-processing instruction tests: one word with X0..X3 and NZCV in,
// X0 and NZCV out.
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

static class DataProcessingRun
{
    /// <summary>"NzCv" style flags (upper case = set) to NZCV in bits 31..28.</summary>
    public static ulong ParseFlags(string flags)
    {
        ulong nzcv = 0;
        for (int i = 0; i < 4; i++)
            if (char.IsUpper(flags[i])) nzcv |= 1UL << (31 - i);
        return nzcv;
    }

    /// <summary>Runs word with X0..X3 and the flags given; returns X0 and the flags after.</summary>
    public static (ulong X0, string Flags) Exec(uint word, ulong x0, ulong x1, ulong x2, ulong x3, string flagsIn)
    {
        using var h = new GuestHarness();
        h.SetX(0, x0); h.SetX(1, x1); h.SetX(2, x2); h.SetX(3, x3);
        h.Nzcv = ParseFlags(flagsIn);
        h.Run(word);
        return (h.X(0), h.Flags);
    }
}
