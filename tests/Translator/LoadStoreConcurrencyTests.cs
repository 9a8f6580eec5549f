using System.Collections.Concurrent;
using Fast.Runtime;
using Fast.Tests.Support;

namespace Fast.Tests.Translator;

/// <summary>
/// Two host threads, each driving its own vCPU of one Machine, increment one shared counter:
/// exclusives and LSE atomics must not lose an update.
/// </summary>
public unsafe class LoadStoreConcurrencyTests
{
    const ulong Code = 0x10000, Counter = 0x100000, Table = 0x200000;
    const int PerThread = 100_000;

    /// <summary>A thread-safe OS for several vCPUs: halts on every exception and remembers the last per vCPU.</summary>
    sealed class HaltingOs : IGuestOs
    {
        public readonly ConcurrentDictionary<int, GuestException> Last = new();
        public Resume OnException(Vcpu cpu, in GuestException exception)
        {
            Last[cpu.Id] = exception;
            return Resume.Halt;
        }
        public Resume OnInterrupt(Vcpu cpu, int pending) => Resume.Continue;
    }

    static (Machine, HaltingOs) NewMachine(params uint[] code)
    {
        var os = new HaltingOs();
        var machine = new Machine(16UL << 20, new Fast.Translator.Interpreter.Interpreter(), os);
        for (int i = 0; i < code.Length; i++) BitConverter.GetBytes(code[i]).CopyTo(machine.Ram.Span(Code + (ulong)i * 4, 4));
        return (machine, os);
    }

    static void OnTwoVcpus(Machine machine, Action<Vcpu> body)
    {
        var cpus = new[] { machine.AddVcpu(), machine.AddVcpu() };
        var threads = cpus.Select(cpu => new Thread(() => body(cpu))).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
    }

    static void RunOnce(Vcpu cpu, HaltingOs os)
    {
        cpu.State->PC = Code;
        cpu.Run(1000);
        var e = os.Last[cpu.Id];
        if (e.Kind != ExceptionKind.Brk) throw new InvalidOperationException(e.ToString());
    }

    [Fact]
    public void ExclusiveIncrementsFromTwoVcpusAreNeverLost()
    {
        // No ADD or branch is needed: the increment is a table lookup, the retry loop is on the host.
        var (machine, os) = NewMachine(
            0x885F7C01,  // LDXR W1, [X0]
            0xB8617861,  // LDR W1, [X3, X1, LSL #2]   (table[i] = i + 1)
            0x88027C01,  // STXR W2, W1, [X0]
            0xD43E01A0); // BRK #0xF00D
        using (machine)
        {
            for (uint i = 0; i <= 2 * PerThread; i++) BitConverter.GetBytes(i + 1).CopyTo(machine.Ram.Span(Table + i * 4, 4));
            long failures = 0;
            OnTwoVcpus(machine, cpu =>
            {
                cpu.State->X[0] = Counter;
                cpu.State->X[3] = Table;
                for (int done = 0; done < PerThread;)
                {
                    RunOnce(cpu, os);
                    if (cpu.State->X[2] == 0) done++;
                    else Interlocked.Increment(ref failures);
                }
            });
            Assert.Equal((ulong)(2 * PerThread), machine.Ram.Read64(Counter));
        }
    }

    [Fact]
    public void LdaddFromTwoVcpusIsAtomic()
    {
        var (machine, os) = NewMachine(
            0xB8240005,  // LDADD W4, W5, [X0]
            0xF8E40105,  // LDADDAL X4, X5, [X8]
            0xD43E01A0); // BRK #0xF00D
        using (machine)
        {
            OnTwoVcpus(machine, cpu =>
            {
                cpu.State->X[0] = Counter;
                cpu.State->X[8] = Counter + 8;
                cpu.State->X[4] = 1;
                for (int i = 0; i < PerThread; i++) RunOnce(cpu, os);
            });
            Assert.Equal((ulong)(2 * PerThread), machine.Ram.Read64(Counter));
            Assert.Equal((ulong)(2 * PerThread), machine.Ram.Read64(Counter + 8));
        }
    }

    [Fact]
    public void GuestLoopsOfExclusivesAndLdaddCountExactly()
    {
        var (machine, os) = NewMachine(
            0x885F7C01,  // loop:  LDXR W1, [X0]
            0x11000421,  //        ADD W1, W1, #1
            0x88027C01,  //        STXR W2, W1, [X0]
            0x35FFFFA2,  //        CBNZ W2, loop
            0xD1000463,  //        SUB X3, X3, #1
            0xB5FFFF63,  //        CBNZ X3, loop
            0xB8240105,  // loop2: LDADD W4, W5, [X8]
            0xD10004C6,  //        SUB X6, X6, #1
            0xB5FFFFC6,  //        CBNZ X6, loop2
            0xD43E01A0); //        BRK #0xF00D
        using (machine)
        {
            OnTwoVcpus(machine, cpu =>
            {
                cpu.State->X[0] = Counter;
                cpu.State->X[3] = PerThread;
                cpu.State->X[4] = 1;
                cpu.State->X[6] = PerThread;
                cpu.State->X[8] = Counter + 8;
                cpu.State->PC = Code;
                cpu.Run();
            });
            Assert.Equal(ExceptionKind.Brk, os.Last[0].Kind);
            Assert.Equal(ExceptionKind.Brk, os.Last[1].Kind);
            Assert.Equal((ulong)(2 * PerThread), machine.Ram.Read64(Counter));
            Assert.Equal((ulong)(2 * PerThread), machine.Ram.Read64(Counter + 8));
        }
    }
}
