using Fast.Runtime;

namespace Fast.Tests.Runtime;

/// <summary>
/// Tlb.RevokeWrite (a page became code) scans the TLB only for physical pages an entry with a write
/// tag has held: whatever the filter skips, no entry may keep write permission to a code page.
/// </summary>
public unsafe class TlbRevokeWriteTests
{
    static void Install(Tlb tlb, ulong va, ulong pa, bool writable) => tlb.Install(new TlbEntry
    {
        ReadTag = va, WriteTag = writable ? va : TlbEntry.InvalidTag, ExecTag = va, Addend = 0,
    }, new TlbEntryInfo(pa, 0, false), va);

    [Fact]
    public void EveryAliasOfTheRevokedPageLosesWriteAndOthersKeepIt()
    {
        using var tlb = new Tlb(entryBits: 12);   // (4096 entries: the four pages have main slots of their own)
        Install(tlb, 0x40_0000, 0x10_0000, writable: true);
        Install(tlb, 0x7F_0000, 0x10_0000, writable: true);   // an alias of the same frame
        Install(tlb, 0x50_0000, 0x20_0000, writable: true);
        Install(tlb, 0x60_0000, 0x30_0000, writable: false);   // read-only: never in the filter

        tlb.RevokeWrite(0x10_0000);
        tlb.RevokeWrite(0x30_0000);

        Assert.Equal(TlbEntry.InvalidTag, tlb.EntryOf(0x40_0000)->WriteTag);
        Assert.Equal(TlbEntry.InvalidTag, tlb.EntryOf(0x7F_0000)->WriteTag);
        Assert.Equal(0x50_0000UL, tlb.EntryOf(0x50_0000)->WriteTag);
        Assert.Equal(0x60_0000UL, tlb.EntryOf(0x60_0000)->ReadTag);
    }

    [Fact]
    public void APageSharingAFilterBitWithAWritableOneIsStillRevoked()
    {
        using var tlb = new Tlb();
        // 0x10_0000 and 0x10_0000 + 16 MiB hash to the same bit: the first makes the bit set, so the
        // scan runs for the second and finds its entry, which became writable after.
        Install(tlb, 0x40_0000, 0x10_0000, writable: true);
        Install(tlb, 0x41_0000, 0x110_0000, writable: true);
        tlb.RevokeWrite(0x110_0000);
        Assert.Equal(0x40_0000UL, tlb.EntryOf(0x40_0000)->WriteTag);
        Assert.Equal(TlbEntry.InvalidTag, tlb.EntryOf(0x41_0000)->WriteTag);
    }

    [Fact]
    public void AnEntryInTheVictimArrayIsRevokedToo()
    {
        using var tlb = new Tlb();
        // Two pages with the same main slot: the first goes to the victim array.
        ulong va1 = 0x40_0000, va2 = va1 + ((ulong)tlb.EntryCount << 12);
        Install(tlb, va1, 0x10_0000, writable: true);
        Install(tlb, va2, 0x20_0000, writable: false);
        tlb.RevokeWrite(0x10_0000);
        Assert.True(tlb.TryRefillFromVictim(va1));
        Assert.Equal(TlbEntry.InvalidTag, tlb.EntryOf(va1)->WriteTag);
    }
}
