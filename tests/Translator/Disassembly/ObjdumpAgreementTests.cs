using Fast.Tests.Support;
using Fast.Translator;
using Xunit.Abstractions;

namespace Fast.Tests.Translator.Disassembly;

/// <summary>
/// The whole table against GNU objdump: random words drawn from the integer encoding space (the
/// ARM ARM's top-level groups for data processing, branches/system and loads/stores). For every
/// word, Fast and objdump must agree on whether it is an instruction and on its text, except
/// for instructions of features Fast does not implement (listed below with their reason). The
/// test prints the coverage it measured: the share of objdump-valid words of implemented
/// features that Fast decodes, which must be 100 %.
/// </summary>
public class ObjdumpAgreementTests(ITestOutputHelper output)
{
    /// <summary>Mnemonics objdump knows from extensions Fast does not implement (ARMv8.1+ or optional).</summary>
    static readonly Dictionary<string, string> NotImplemented = new()
    {
        // FEAT_PAuth (v8.3): pointer authentication loads and branches.
        ["ldraa"] = "FEAT_PAuth", ["ldrab"] = "FEAT_PAuth", ["braa"] = "FEAT_PAuth", ["brab"] = "FEAT_PAuth",
        ["blraa"] = "FEAT_PAuth", ["blrab"] = "FEAT_PAuth", ["braaz"] = "FEAT_PAuth", ["brabz"] = "FEAT_PAuth",
        ["blraaz"] = "FEAT_PAuth", ["blrabz"] = "FEAT_PAuth", ["retaa"] = "FEAT_PAuth", ["retab"] = "FEAT_PAuth",
        ["eretaa"] = "FEAT_PAuth", ["eretab"] = "FEAT_PAuth", ["pacga"] = "FEAT_PAuth",
        ["pacia"] = "FEAT_PAuth", ["pacib"] = "FEAT_PAuth", ["pacda"] = "FEAT_PAuth", ["pacdb"] = "FEAT_PAuth",
        ["autia"] = "FEAT_PAuth", ["autib"] = "FEAT_PAuth", ["autda"] = "FEAT_PAuth", ["autdb"] = "FEAT_PAuth",
        ["paciza"] = "FEAT_PAuth", ["pacizb"] = "FEAT_PAuth", ["pacdza"] = "FEAT_PAuth", ["pacdzb"] = "FEAT_PAuth",
        ["autiza"] = "FEAT_PAuth", ["autizb"] = "FEAT_PAuth", ["autdza"] = "FEAT_PAuth", ["autdzb"] = "FEAT_PAuth",
        ["xpaci"] = "FEAT_PAuth", ["xpacd"] = "FEAT_PAuth",
        // FEAT_LRCPC (v8.3), FEAT_LRCPC2 (v8.4): RCpc loads and unscaled load-acquire/store-release.
        ["ldapr"] = "FEAT_LRCPC", ["ldaprb"] = "FEAT_LRCPC", ["ldaprh"] = "FEAT_LRCPC",
        ["ldapur"] = "FEAT_LRCPC2", ["ldapurb"] = "FEAT_LRCPC2", ["ldapurh"] = "FEAT_LRCPC2",
        ["ldapursb"] = "FEAT_LRCPC2", ["ldapursh"] = "FEAT_LRCPC2", ["ldapursw"] = "FEAT_LRCPC2",
        ["stlur"] = "FEAT_LRCPC2", ["stlurb"] = "FEAT_LRCPC2", ["stlurh"] = "FEAT_LRCPC2",
        // FEAT_LOR (v8.1): limited-ordering regions.
        ["ldlar"] = "FEAT_LOR", ["ldlarb"] = "FEAT_LOR", ["ldlarh"] = "FEAT_LOR",
        ["stllr"] = "FEAT_LOR", ["stllrb"] = "FEAT_LOR", ["stllrh"] = "FEAT_LOR",
        // FEAT_MTE (v8.5): memory tagging.
        ["irg"] = "FEAT_MTE", ["gmi"] = "FEAT_MTE", ["subp"] = "FEAT_MTE", ["subps"] = "FEAT_MTE", ["cmpp"] = "FEAT_MTE",
        ["addg"] = "FEAT_MTE", ["subg"] = "FEAT_MTE", ["stg"] = "FEAT_MTE", ["stzg"] = "FEAT_MTE", ["st2g"] = "FEAT_MTE",
        ["stz2g"] = "FEAT_MTE", ["stgp"] = "FEAT_MTE", ["ldg"] = "FEAT_MTE", ["stgm"] = "FEAT_MTE", ["stzgm"] = "FEAT_MTE",
        ["ldgm"] = "FEAT_MTE",
        // FEAT_FlagM (v8.4), FEAT_FlagM2 (v8.5).
        ["cfinv"] = "FEAT_FlagM", ["rmif"] = "FEAT_FlagM", ["setf8"] = "FEAT_FlagM", ["setf16"] = "FEAT_FlagM",
        ["axflag"] = "FEAT_FlagM2", ["xaflag"] = "FEAT_FlagM2",
        // FEAT_LS64 (v8.7), FEAT_CSSC (v8.9), FEAT_SB, FEAT_WFxT, FEAT_TME, FEAT_SPECRES, FEAT_RPRES, FEAT_THE, FEAT_D128, FEAT_GCS.
        ["ld64b"] = "FEAT_LS64", ["st64b"] = "FEAT_LS64", ["st64bv"] = "FEAT_LS64", ["st64bv0"] = "FEAT_LS64",
        ["sb"] = "FEAT_SB", ["wfet"] = "FEAT_WFxT", ["wfit"] = "FEAT_WFxT",
        ["tstart"] = "FEAT_TME", ["tcommit"] = "FEAT_TME", ["tcancel"] = "FEAT_TME", ["ttest"] = "FEAT_TME",
        ["abs"] = "FEAT_CSSC", ["cnt"] = "FEAT_CSSC", ["ctz"] = "FEAT_CSSC", ["smax"] = "FEAT_CSSC", ["smin"] = "FEAT_CSSC",
        ["umax"] = "FEAT_CSSC", ["umin"] = "FEAT_CSSC",
        // FEAT_MOPS (v8.8): memcpy/memset instructions.
        ["cpyfp"] = "FEAT_MOPS", ["cpyfm"] = "FEAT_MOPS", ["cpyfe"] = "FEAT_MOPS", ["cpyp"] = "FEAT_MOPS",
        ["cpym"] = "FEAT_MOPS", ["cpye"] = "FEAT_MOPS", ["setp"] = "FEAT_MOPS", ["setm"] = "FEAT_MOPS", ["sete"] = "FEAT_MOPS",
        ["setgp"] = "FEAT_MOPS", ["setgm"] = "FEAT_MOPS", ["setge"] = "FEAT_MOPS",
        // FEAT_BC (v8.8) and EL1+ only instructions with no EL0 meaning.
        ["bc"] = "FEAT_BC", ["eret"] = "EL1 only", ["drps"] = "EL1 only", ["hvc"] = "EL1 only", ["smc"] = "EL1 only",
        ["dcps1"] = "debug state only", ["dcps2"] = "debug state only", ["dcps3"] = "debug state only",
        // Advanced SIMD structure loads/stores: the FP/SIMD issue.
        ["ld1"] = "AdvSIMD (FP/SIMD issue)", ["ld2"] = "AdvSIMD (FP/SIMD issue)", ["ld3"] = "AdvSIMD (FP/SIMD issue)", ["ld4"] = "AdvSIMD (FP/SIMD issue)",
        ["st1"] = "AdvSIMD (FP/SIMD issue)", ["st2"] = "AdvSIMD (FP/SIMD issue)", ["st3"] = "AdvSIMD (FP/SIMD issue)", ["st4"] = "AdvSIMD (FP/SIMD issue)",
        ["ld1r"] = "AdvSIMD (FP/SIMD issue)", ["ld2r"] = "AdvSIMD (FP/SIMD issue)", ["ld3r"] = "AdvSIMD (FP/SIMD issue)", ["ld4r"] = "AdvSIMD (FP/SIMD issue)",
    };

    static string? NotImplementedFeature(string mnemonic, string text)
    {
        if (mnemonic.StartsWith("bc.", StringComparison.Ordinal)) return "FEAT_HBC";
        if (mnemonic.StartsWith("cpy", StringComparison.Ordinal) || mnemonic.StartsWith("set", StringComparison.Ordinal) && mnemonic != "setf8" && mnemonic != "setf16")
            return "FEAT_MOPS";
        // op0 = 0 in the MRS/MSR register form is not a system register (op0 is 2 or 3 there): the
        // ARM ARM leaves those encodings unallocated; binutils prints them with generic names.
        if ((mnemonic is "msr" or "mrs") && text.Contains("s0_", StringComparison.Ordinal)) return "unallocated op0=0 system encoding";
        return NotImplemented.GetValueOrDefault(mnemonic);
    }

    static bool ConstrainedUnpredictableLdpsw(uint word)
    {
        if (Disassembler.RowName(word) is not ("LDPSW_off" or "LDPSW_pre" or "LDPSW_post")) return false;
        uint t = word & 31, n = (word >> 5) & 31, t2 = (word >> 10) & 31;
        bool writeback = Disassembler.RowName(word) != "LDPSW_off";
        return t == t2 || (writeback && n != 31 && (n == t || n == t2));
    }

    /// <summary>Top-level op0 values (bits 28:25) of the integer space: DP immediate, branches/system, loads/stores, DP register.</summary>
    static readonly uint[] IntegerGroups = [0b1000, 0b1001, 0b1010, 0b1011, 0b0100, 0b0110, 0b1100, 0b1110, 0b0101, 0b1101];

    [Fact]
    public void IntegerSpaceAgreesWithObjdumpAndIsFullyCovered()
    {
        var random = new Random(20261121);
        var words = new uint[300_000];
        for (int i = 0; i < words.Length; i++)
        {
            uint op0 = IntegerGroups[random.Next(IntegerGroups.Length)];
            words[i] = ((uint)random.NextInt64() & ~(0xFu << 25)) | (op0 << 25);
        }
        var objdump = ObjdumpOracle.Disassemble(words);

        int valid = 0, decoded = 0, skipped = 0;
        var skippedBy = new Dictionary<string, int>();
        var wrong = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            bool objdumpValid = !objdump[i].StartsWith(".inst", StringComparison.Ordinal);
            string ours = Disassembler.Disassemble(words[i], (ulong)(i % ObjdumpOracle.BatchSize) * 4); // objdump assembles each batch at 0
            bool fastValid = !ours.StartsWith(".inst", StringComparison.Ordinal);
            if (!objdumpValid && !fastValid) continue;
            string mnemonic = objdump[i].Split('\t', ' ')[0];
            if (objdumpValid && !fastValid)
            {
                if (NotImplementedFeature(mnemonic, objdump[i]) is string feature)
                {
                    skipped++;
                    skippedBy[feature] = skippedBy.GetValueOrDefault(feature) + 1;
                    continue;
                }
                valid++;
                wrong.Add($"0x{words[i]:x8}: objdump \"{objdump[i]}\", Fast: UNDEFINED");
                continue;
            }
            if (!objdumpValid && ConstrainedUnpredictableLdpsw(words[i]))
            {
                // LDPSW with t == t2, or writeback into t/t2: CONSTRAINED UNPREDICTABLE (C6.2.168).
                // binutils rejects it; Fast executes it as Unicorn and QEMU do (LoadStore.cs header).
                skipped++;
                skippedBy["CONSTRAINED UNPREDICTABLE LDPSW"] = skippedBy.GetValueOrDefault("CONSTRAINED UNPREDICTABLE LDPSW") + 1;
                continue;
            }
            valid++;
            if (fastValid) decoded++;
            if (ours != objdump[i]) wrong.Add($"0x{words[i]:x8}: objdump \"{objdump[i]}\", Fast \"{ours}\" ({Disassembler.RowName(words[i])})");
        }

        double coverage = 100.0 * decoded / Math.Max(1, valid);
        output.WriteLine($"objdump agreement: {words.Length} words, {valid} valid in implemented features, {decoded} decoded by Fast: coverage {coverage:F3} %");
        output.WriteLine($"not implemented (skipped {skipped}): " + string.Join(", ", skippedBy.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(wrong.Count == 0, $"{wrong.Count} disagreements, coverage {coverage:F3} %:\n" + string.Join("\n", wrong.Take(40)));
        Assert.Equal(valid, decoded);
    }
}
