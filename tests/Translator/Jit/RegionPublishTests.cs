using Fast.Translator;
using Fast.Translator.Interpreter;
using Fast.Translator.Jit;

namespace Fast.Tests.Translator.Jit;

/// <summary>
/// A region's Code is what tells a vCPU it is compiled (the interpreter installs a covering region it
/// sees Code on, then enters it), so when Code appears the rest of the publication must already be
/// there: the header's handle, through which the run loop maps CpuState.CurrentRegion back to the
/// region when it leaves compiled code. Code used to be set first: under load (xz -6, four runs on
/// two CPUs) about one run in a hundred entered a region before its handle existed and crashed the
/// host with "Handle is not initialized". Here a thread watches regions while the compiler thread
/// publishes them, and checks what it can see once Code is set.
/// </summary>
public unsafe class RegionPublishTests
{
    const ulong Base = 0x40_0000;
    static readonly uint[] Words = [0x91000400, 0x91000421, 0x91000842, 0xd65f03c0];   // add x0..x2; ret

    static Region NewRegion()
    {
        var instructions = new (ulong, DecodedInstruction)[Words.Length];
        var block = new DecodedInstruction[Words.Length];
        for (int i = 0; i < Words.Length; i++)
        {
            int row = Decoder.Decode(Words[i]);
            block[i] = new DecodedInstruction { Execute = Decoder.Rows[row].Execute, Word = Words[i], Row = row };
            instructions[i] = (Base + 4 * (ulong)i, block[i]);
        }
        DecodedBlock entry;
        fixed (DecodedInstruction* p = block) entry = new DecodedBlock(Base, 0, p, Words.Length, endsWithControl: true);
        return new Region(entry, [(Base, 0UL)], instructions, [entry]) { Name = "guest!publish-test" };
    }

    [Fact]
    public void ARegionWhoseCodeIsVisibleHasItsHandle()
    {
        const int Count = 300;
        var regions = Enumerable.Range(0, Count).Select(_ => NewRegion()).ToArray();
        int seen = 0, early = 0;
        bool done = false;
        var watcher = new Thread(() =>
        {
            var checkedAlready = new bool[Count];
            while (!Volatile.Read(ref done))
                for (int i = 0; i < Count; i++)
                {
                    if (checkedAlready[i] || regions[i].Code is null) continue;
                    checkedAlready[i] = true;
                    seen++;
                    if (regions[i].Header->Handle == 0 || regions[i].Header->Code == 0) early++;
                }
        });
        watcher.Start();
        using (var queue = new TierUpQueue { Synchronous = false })
        {
            foreach (var r in regions) queue.Enqueue(r);
            queue.Drain();
        }
        Volatile.Write(ref done, true);
        watcher.Join();
        Assert.Equal(Count, seen);
        Assert.Equal(0, early);
    }
}
