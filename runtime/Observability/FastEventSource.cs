// FastEventSource: the one EventSource provider, "Fast", through which every hot path reports
// (DESIGN.md section 6). A keyword per concern; explicit event ids; payloads written with
// WriteEventCore over stack-allocated EventData; every call site guards with IsEnabled(level,
// keyword) through the static *Enabled properties, so disabled tracing costs a static field load,
// a null test and IsEnabled's own test.
//
// The source is made at the first use of Log, or by Create. Making it costs ~1.6 ms (its GUID from
// its name, registration with EventPipe), so `fast run` makes it off the main thread, on the start-up
// warmer once the run has lasted 100 ms (a short run never pays for it), or at once when a session
// may already be listening (--trace, a session set up from the environment at start); until then
// the guards, which are static, read false: nothing can be listening to a source that does not exist.
// An in-process EventListener enables it through Log (which makes it), not by waiting for its name.
//
// Events with a start and a stop (a fault's resolution, a syscall, an IPC round trip, a region
// compile) use the EventSource Start/Stop opcodes so TraceEvent computes durations, and the stop
// also carries the measured duration in ticks of Stopwatch.Frequency for latency histograms.
// Ids are explicit and stable for in-process EventListeners; through EventPipe a self-describing
// EventSource is renumbered, so `fast trace report` matches events by name, never by id.
using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;

namespace Fast.Runtime.Observability;

[EventSource(Name = "Fast")]
public sealed unsafe class FastEventSource : EventSource
{
    static FastEventSource? log;
    static readonly object creating = new();

    /// <summary>The source (made now if it does not exist yet).</summary>
    public static FastEventSource Log => Volatile.Read(ref log) ?? Create();

    /// <summary>Makes the source if it does not exist yet (then sessions can enable it).</summary>
    public static FastEventSource Create()
    {
        lock (creating) return log ??= new FastEventSource();
    }

    public static class Keywords
    {
        public const EventKeywords Translation = (EventKeywords)0x1;
        public const EventKeywords Fault = (EventKeywords)0x2;
        public const EventKeywords Ipc = (EventKeywords)0x4;
        public const EventKeywords Packet = (EventKeywords)0x8;
        public const EventKeywords Syscall = (EventKeywords)0x10;
        public const EventKeywords Scheduler = (EventKeywords)0x20;
        /// <summary>Guest PC samples and the images mapped in each process (a guest-level profiler).</summary>
        public const EventKeywords Sampling = (EventKeywords)0x40;
    }

    public static class Tasks
    {
        public const EventTask Fault = (EventTask)1;
        public const EventTask Syscall = (EventTask)2;
        public const EventTask Ipc = (EventTask)3;
        public const EventTask Compile = (EventTask)4;
    }

    // The name given here, not read from [EventSource]: reading the attribute at start-up costs ~3 ms
    // (custom-attribute reflection, two methods JIT-compiled to invoke its setter).
    FastEventSource() : base("Fast", EventSourceSettings.EtwSelfDescribingEventFormat) { }

#if FAST_NO_EVENTS
    // A build without events (dotnet build -p:FastEvents=false): every guard is a constant false,
    // so the JIT removes the event code entirely. Used to measure what disabled tracing costs.
    public static bool TranslationEnabled => false;
    public static bool CompileEnabled => false;
    public static bool FaultEnabled => false;
    public static bool SyscallEnabled => false;
    public static bool SchedulerEnabled => false;
    public static bool IpcEnabled => false;
    public static bool PacketEnabled => false;
    public static bool SamplingEnabled => false;
#else
    public static bool TranslationEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Verbose, Keywords.Translation); }
    /// <summary>The region-compile start/stop events (Translation keyword at Informational).</summary>
    public static bool CompileEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Translation); }
    public static bool FaultEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Fault); }
    public static bool SyscallEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Syscall); }
    public static bool SchedulerEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Scheduler); }
    public static bool IpcEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Ipc); }
    public static bool PacketEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Packet); }
    public static bool SamplingEnabled { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => On(EventLevel.Informational, Keywords.Sampling); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool On(EventLevel level, EventKeywords keywords) => log is { } source && source.IsEnabled(level, keywords);
#endif

    // ---- Translation ----

    /// <summary>A block was decoded for tier 0 (pc, physical address, instructions).</summary>
    [Event(1, Keywords = Keywords.Translation, Level = EventLevel.Verbose)]
    public void BlockDecoded(ulong Pc, ulong PhysicalAddress, int Instructions)
    {
        EventData* d = stackalloc EventData[3];
        Set(d, 0, &Pc); Set(d, 1, &PhysicalAddress); Set(d, 2, &Instructions);
        WriteEventCore(1, 3, d);
    }

    /// <summary>Translations of a physical page were dropped (self-modifying code, IC IVAU, unmap).</summary>
    [Event(2, Keywords = Keywords.Translation, Level = EventLevel.Verbose)]
    public void CodeInvalidated(ulong PhysicalPage, int Blocks)
    {
        EventData* d = stackalloc EventData[2];
        Set(d, 0, &PhysicalPage); Set(d, 1, &Blocks);
        WriteEventCore(2, 2, d);
    }

    [Event(3, Keywords = Keywords.Translation, Level = EventLevel.Informational, Task = Tasks.Compile, Opcode = EventOpcode.Start)]
    public void RegionCompileStart(ulong Pc, int Instructions)
    {
        EventData* d = stackalloc EventData[2];
        Set(d, 0, &Pc); Set(d, 1, &Instructions);
        WriteEventCore(3, 2, d);
    }

    [Event(4, Keywords = Keywords.Translation, Level = EventLevel.Informational, Task = Tasks.Compile, Opcode = EventOpcode.Stop)]
    public void RegionCompileStop(ulong Pc, int GuestInstructions, long DurationTicks)
    {
        EventData* d = stackalloc EventData[3];
        Set(d, 0, &Pc); Set(d, 1, &GuestInstructions); Set(d, 2, &DurationTicks);
        WriteEventCore(4, 3, d);
    }

    // ---- Faults and exceptions ----

    /// <summary>An abort reached the OS: kind (FaultKind), access (AccessKind), translation level.</summary>
    [Event(10, Keywords = Keywords.Fault, Level = EventLevel.Informational, Task = Tasks.Fault, Opcode = EventOpcode.Start)]
    public void FaultStart(int Vcpu, ulong Pc, ulong Address, int Kind, int Access, int Level)
    {
        EventData* d = stackalloc EventData[6];
        Set(d, 0, &Vcpu); Set(d, 1, &Pc); Set(d, 2, &Address); Set(d, 3, &Kind); Set(d, 4, &Access); Set(d, 5, &Level);
        WriteEventCore(10, 6, d);
    }

    /// <summary>The OS answered the abort: Resolution is the Resume value (Retry = repaired in place).</summary>
    [Event(11, Keywords = Keywords.Fault, Level = EventLevel.Informational, Task = Tasks.Fault, Opcode = EventOpcode.Stop)]
    public void FaultStop(int Vcpu, ulong Address, int Resolution, long DurationTicks)
    {
        EventData* d = stackalloc EventData[4];
        Set(d, 0, &Vcpu); Set(d, 1, &Address); Set(d, 2, &Resolution); Set(d, 3, &DurationTicks);
        WriteEventCore(11, 4, d);
    }

    /// <summary>A synchronous exception other than an abort (BRK, UDF, undefined, alignment...).</summary>
    [Event(12, Keywords = Keywords.Fault, Level = EventLevel.Informational)]
    public void GuestException(int Vcpu, int Kind, ulong Pc, uint Syndrome)
    {
        EventData* d = stackalloc EventData[4];
        Set(d, 0, &Vcpu); Set(d, 1, &Kind); Set(d, 2, &Pc); Set(d, 3, &Syndrome);
        WriteEventCore(12, 4, d);
    }

    /// <summary>A vCPU's TLB grew (Tlb.WantsToGrow): its new entry count and the misses it had taken.</summary>
    [Event(13, Keywords = Keywords.Fault, Level = EventLevel.Informational)]
    public void TlbGrown(int Vcpu, int Entries, long Misses)
    {
        EventData* d = stackalloc EventData[3];
        Set(d, 0, &Vcpu); Set(d, 1, &Entries); Set(d, 2, &Misses);
        WriteEventCore(13, 3, d);
    }

    // ---- Syscalls (written by the OS) ----

    [Event(20, Keywords = Keywords.Syscall, Level = EventLevel.Informational, Task = Tasks.Syscall, Opcode = EventOpcode.Start)]
    public void SyscallStart(int Pid, int Tid, int Number, ulong Arg0, ulong Arg1, ulong Arg2)
    {
        EventData* d = stackalloc EventData[6];
        Set(d, 0, &Pid); Set(d, 1, &Tid); Set(d, 2, &Number); Set(d, 3, &Arg0); Set(d, 4, &Arg1); Set(d, 5, &Arg2);
        WriteEventCore(20, 6, d);
    }

    [Event(21, Keywords = Keywords.Syscall, Level = EventLevel.Informational, Task = Tasks.Syscall, Opcode = EventOpcode.Stop)]
    public void SyscallStop(int Pid, int Tid, int Number, long Result, long DurationTicks)
    {
        EventData* d = stackalloc EventData[5];
        Set(d, 0, &Pid); Set(d, 1, &Tid); Set(d, 2, &Number); Set(d, 3, &Result); Set(d, 4, &DurationTicks);
        WriteEventCore(21, 5, d);
    }

    // ---- Scheduler ----

    [Event(30, Keywords = Keywords.Scheduler, Level = EventLevel.Informational)]
    public void ContextSwitch(int Core, int FromTid, int ToTid, int FromState)
    {
        EventData* d = stackalloc EventData[4];
        Set(d, 0, &Core); Set(d, 1, &FromTid); Set(d, 2, &ToTid); Set(d, 3, &FromState);
        WriteEventCore(30, 4, d);
    }

    // ---- IPC (shape fixed now for the multikernel issue) ----

    /// <summary>Transport: 0 = LMP, 1 = UMP.</summary>
    [Event(40, Keywords = Keywords.Ipc, Level = EventLevel.Informational, Task = Tasks.Ipc, Opcode = EventOpcode.Send)]
    public void IpcSend(ulong Channel, int Transport, int Bytes, int SenderCore, int SenderPid, int ReceiverCore)
    {
        EventData* d = stackalloc EventData[6];
        Set(d, 0, &Channel); Set(d, 1, &Transport); Set(d, 2, &Bytes); Set(d, 3, &SenderCore); Set(d, 4, &SenderPid); Set(d, 5, &ReceiverCore);
        WriteEventCore(40, 6, d);
    }

    [Event(41, Keywords = Keywords.Ipc, Level = EventLevel.Informational, Task = Tasks.Ipc, Opcode = EventOpcode.Receive)]
    public void IpcReceive(ulong Channel, int Transport, int Bytes, int ReceiverCore, int ReceiverPid, long LatencyTicks)
    {
        EventData* d = stackalloc EventData[6];
        Set(d, 0, &Channel); Set(d, 1, &Transport); Set(d, 2, &Bytes); Set(d, 3, &ReceiverCore); Set(d, 4, &ReceiverPid); Set(d, 5, &LatencyTicks);
        WriteEventCore(41, 6, d);
    }

    /// <summary>An operation a core's kernel sent to another core's kernel (the home of the objects it
    /// touches: a page fault, mmap, a capability operation) and waited for; DurationTicks is the
    /// caller's wait, in Stopwatch ticks.</summary>
    [Event(42, Keywords = Keywords.Ipc, Level = EventLevel.Informational)]
    public void HomeCall(int Core, int Home, long DurationTicks)
    {
        EventData* d = stackalloc EventData[3];
        Set(d, 0, &Core); Set(d, 1, &Home); Set(d, 2, &DurationTicks);
        WriteEventCore(42, 3, d);
    }

    // ---- Packets (shape fixed now for the network issue) ----

    /// <summary>Direction: 0 = received, 1 = sent. Protocol: the EtherType or IP protocol number.</summary>
    [Event(50, Keywords = Keywords.Packet, Level = EventLevel.Informational)]
    public void Packet(int Direction, int Protocol, int Bytes, uint SourceIp, uint DestinationIp, int Port)
    {
        EventData* d = stackalloc EventData[6];
        Set(d, 0, &Direction); Set(d, 1, &Protocol); Set(d, 2, &Bytes); Set(d, 3, &SourceIp); Set(d, 4, &DestinationIp); Set(d, 5, &Port);
        WriteEventCore(50, 6, d);
    }

    // ---- Guest sampling (a profiler of guest code, whichever tier runs it) ----

    /// <summary>The PC a vCPU was executing when the sampler looked (every millisecond while tracing).</summary>
    [Event(60, Keywords = Keywords.Sampling, Level = EventLevel.Informational)]
    public void GuestPcSample(int Vcpu, int Pid, ulong Pc)
    {
        EventData* d = stackalloc EventData[3];
        Set(d, 0, &Vcpu); Set(d, 1, &Pid); Set(d, 2, &Pc);
        WriteEventCore(60, 3, d);
    }

    /// <summary>
    /// An ELF image mapped into a process: by the loader (Bias known, FileOffset = ulong.MaxValue) or by
    /// an executable file mapping (mmap: Bias 0, FileOffset the mapping's offset; the report finds the
    /// bias from the file's program headers). Lets reports turn PC samples into image!symbol.
    /// </summary>
    [Event(61, Keywords = Keywords.Sampling, Level = EventLevel.Informational)]
    public void ImageMapped(int Pid, ulong Start, ulong End, ulong Bias, ulong FileOffset, string Path)
    {
        fixed (char* path = Path)
        {
            EventData* d = stackalloc EventData[6];
            Set(d, 0, &Pid); Set(d, 1, &Start); Set(d, 2, &End); Set(d, 3, &Bias); Set(d, 4, &FileOffset);
            d[5] = default;
            d[5].DataPointer = (nint)path;
            d[5].Size = (Path.Length + 1) * 2;
            WriteEventCore(61, 6, d);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Set<T>(EventData* d, int i, T* value) where T : unmanaged
    {
        d[i] = default;   // clears the reserved field
        d[i].DataPointer = (nint)value;
        d[i].Size = sizeof(T);
    }
}
