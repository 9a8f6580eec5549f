// FastOs: the kernel, plugged into the machine as its IGuestOs (DESIGN.md section 5).
//
// Layers: KernelServices (capabilities, memory manager, RAM) at the bottom; processes and their
// address spaces (os/Process) above; one Core per vCPU multiplexing guest threads with its own
// scheduler; the Linux personality (os/Linux) turning SVCs into system calls; signals for every
// guest fault. Every synchronous exception of a vCPU arrives in OnException on that vCPU's host
// thread, with the thread that was running in Core.Current.
//
// Locking: the process table's lock for process lifecycle; each ProcessMemory's lock for its
// page tables (under which the capability system's kernel lock is taken); a thread's registers
// are touched only by the core running it.
using Fast.Os.Linux;
using Fast.Os.Linux.Signals;
using Fast.Os.Linux.Syscalls;
using Fast.Os.Process;
using Fast.Os.Scheduling;
using Fast.Os.Vfs;
using Fast.Runtime;
using Fast.Runtime.Observability;

namespace Fast.Os.Kernel;

public sealed record OsOptions
{
    public int Cores { get; init; } = 1;
    public bool Strace { get; init; }
    public TextWriter Log { get; init; } = StderrWriter.Instance;   // (Console.Error on first use)
    /// <summary>Low RAM kept out of the memory manager (nothing lives there; catches null physical addresses).</summary>
    public ulong ReservedLow { get; init; } = 1UL << 20;
    /// <summary>Standard streams for the first process; null: the host's own descriptors 0, 1, 2.</summary>
    public (Stream? In, Stream Out, Stream Err)? Stdio { get; init; }
    public ulong HwCap { get; init; } = Auxv.HWCAP_FP | Auxv.HWCAP_ASIMD | Auxv.HWCAP_CRC32 | Auxv.HWCAP_ATOMICS |
        Auxv.HWCAP_AES | Auxv.HWCAP_PMULL | Auxv.HWCAP_SHA1 | Auxv.HWCAP_SHA2;
}

public sealed unsafe partial class FastOs : IGuestOs, IDisposable
{
    public KernelServices Kernel { get; }
    public VirtualFileSystem Vfs { get; }
    public ProcessTable Processes { get; } = new();
    public IReadOnlyList<Core> Cores { get; }
    public OsOptions Options { get; }
    public LinuxPersonality Linux { get; }
    /// <summary>The native personality (os/Native): capabilities, LMP/UMP channels, nameserver, spawn; and the per-core kernels.</summary>
    public Native.NativeKernel Native { get; }
    public GuestProcess? Init { get; private set; }
    /// <summary>Page faults handled (translation, permission and access-flag aborts of guest code).</summary>
    public long PageFaults;

    // An event and a field, not a TaskCompletionSource<int>: that generic is JIT-compiled at start-up.
    readonly ManualResetEventSlim initExited = new();
    int initStatus;

    public FastOs(Machine machine, VirtualFileSystem vfs, OsOptions? options = null)
    {
        Options = options ?? new OsOptions();
        Kernel = new KernelServices(machine, Options.ReservedLow);
        Fast.Runtime.Observability.StartupPhases.Mark("kernelsvc");
        Vfs = vfs;
        // Guests see the emulated cores (--cores), not the host's CPUs: /sys/devices/system/cpu, /proc/cpuinfo, /proc/stat.
        vfs.Sys.Cpus = () => Cores.Count;
        vfs.Proc.Cpus = () => Cores.Count;
        machine.AttachOs(this);
        var cores = new List<Core>();
        for (int i = 0; i < Options.Cores; i++)
        {
            var cpu = machine.AddVcpu();
            cpu.State->Control = CpuControl.Linux;
            cores.Add(new Core(i, cpu, new RoundRobinScheduler<GuestThread>()));
        }
        Cores = cores;
        Fast.Runtime.Observability.StartupPhases.Mark("cores");
        foreach (var core in cores)
            core.Migrate = (thread, to) =>
            {
                // The thread left its old core (registers saved, BLOCKED for the move): READY on the new one,
                // its rseq area's cpu_id (what glibc's sched_getcpu reads) naming the new core.
                if (thread.RseqArea != 0 && thread.Owner is GuestProcess p)
                {
                    p.User.TryWrite32(thread.RseqArea, (uint)to);
                    p.User.TryWrite32(thread.RseqArea + 4, (uint)to);
                }
                Cores[to].MakeReady(thread);
            };
        Linux = new LinuxPersonality(this);
        Fast.Runtime.Observability.StartupPhases.Mark("linux");
        Native = new Native.NativeKernel(this);
    }

    // ---- processes ----

    /// <summary>Creates the first process from a program and makes it runnable on core 0. It starts in
    /// directory cwd (a relative path is looked up from there), / when none is given.</summary>
    public GuestProcess SpawnInit(string path, IReadOnlyList<string> args, IReadOnlyList<string> env, string? cwd = null)
    {
        int pid = Processes.AllocateId();
        var memory = ProcessMemory.Create(Kernel);
        var process = new GuestProcess(pid, memory, new UserMemory(Kernel, memory), Vfs.NewContext());
        process.Files.Process = process;
        if (cwd is not null) process.Files.Cwd = cwd;
        if (Options.Stdio is var (input, output, error))
        {
            var console = new ConsoleDevice(input, output);
            var errors = new ConsoleDevice(null, error);
            Vfs.InstallStdio(process.Files, console.Open(0, "/dev/stdin"), console.Open(1, "/dev/stdout"), errors.Open(1, "/dev/stderr"));
        }
        else Vfs.InstallStdio(process.Files, HostStdio(0, 0), HostStdio(1, 1), HostStdio(2, 1));
        var thread = NewThread(process, pid);
        Fast.Runtime.Observability.StartupPhases.Mark("stdio");
        long r = Linux.Exec(process, thread, path, args, env);
        if (r != Syscall.NoReturn)
        {
            memory.Destroy();
            throw new LoaderException(r == -(long)Fast.Os.Linux.Abi.Errno.ENOEXEC && Linux.LastExecError is { } why
                ? why
                : $"{path}: {Fast.Os.Linux.Abi.ErrnoInfo.StrError((int)-r)}");
        }
        Processes.Add(process);
        Init = process;
        Cores[0].MakeReady(thread);
        return process;
    }

    public GuestThread NewThread(GuestProcess process, int tid)
    {
        var thread = new GuestThread(tid) { Owner = process, Ttbr0 = process.Memory.Ttbr0 };
        lock (process.Threads) process.Threads.Add(thread);
        Processes.AddThread(thread);
        return thread;
    }

    static OpenFile HostStdio(int hostFd, int accessMode)
    {
        int copy = HostDup(hostFd);
        return copy >= 0 ? HostFileFor(copy, accessMode, hostFd) : new NullFile(accessMode);
    }

    static OpenFile HostFileFor(int fd, int accessMode, int which) =>
        Fast.Os.Vfs.Host.HostFile.FromHostDescriptor(fd, accessMode, which switch { 0 => "/dev/stdin", 1 => "/dev/stdout", _ => "/dev/stderr" });

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "dup")]
    static extern int HostDup(int fd);

    int nextCore;

    /// <summary>Makes a new thread runnable on a core (round robin over the cores).</summary>
    public void PlaceThread(GuestThread thread)
    {
        // Round robin over the cores the thread may run on (its affinity, inherited over fork and clone).
        int start = Interlocked.Increment(ref nextCore) & int.MaxValue, pick = start % Cores.Count;
        for (int i = 0; i < Cores.Count; i++)
        {
            int c = (start + i) % Cores.Count;
            if (c < 64 && (thread.Affinity & (1UL << c)) != 0) { pick = c; break; }
        }
        // A fork child inherits the parent's rseq area: its cpu_id must name the core it starts on.
        if (thread.RseqArea != 0 && thread.Owner is GuestProcess p)
        {
            p.User.TryWrite32(thread.RseqArea, (uint)pick);
            p.User.TryWrite32(thread.RseqArea + 4, (uint)pick);
        }
        Cores[pick].MakeReady(thread);
    }

    /// <summary>A thread's exit (exit(2)): clears and wakes its clear-child-tid word; the last thread ends the process.</summary>
    public void ExitThread(GuestThread thread, GuestProcess process, int status)
    {
        if (thread.ClearChildTid != 0 && process.User.TryWrite32(thread.ClearChildTid, 0))
            Linux.FutexWake(process, thread.ClearChildTid, 1);
        EndThread(thread);
        bool last;
        lock (process.Threads) last = process.Threads.All(t => t.State == GuestThreadState.Zombie);
        if (last) ExitProcess(process, status);
    }

    /// <summary>Takes a thread off the machine for good (exit, or execve ending the other threads).</summary>
    public void EndThread(GuestThread thread)
    {
        thread.State = GuestThreadState.Zombie;
        Processes.RemoveThread(thread);
        if (thread.Core >= 0 && thread.Core < Cores.Count && Cores[thread.Core].Current == thread && !Cores[thread.Core].Cpu.IsOwnerThread)
            Cores[thread.Core].Cpu.RaiseInterrupt(InterruptBits.Os);
    }

    /// <summary>
    /// Starts the cores and runs until the first process exits; returns its wait status. Without a
    /// timeout, core 0 (init's) runs on the calling thread (Core.RunOnCallingThread), which would
    /// otherwise only wait; the others run on threads of their own. With one (tests), every core has
    /// its own thread and this one waits: a guest spinning on core 0 never returns to a loop that
    /// could look at the clock.
    /// </summary>
    public int RunUntilInitExits(TimeSpan? timeout = null)
    {
        for (int i = 1; i < Cores.Count; i++) Cores[i].Start();
        Fast.Runtime.Observability.StartupPhases.Mark("started");
        if (timeout is { } t)
        {
            Cores[0].Start();
            if (!initExited.Wait(t)) throw new TimeoutException("the guest did not exit in time");
            return initStatus;
        }
        if (!Cores[0].RunOnCallingThread(() => initExited.IsSet)) Cores[0].Start();
        initExited.Wait();
        return initStatus;
    }

    /// <summary>The shell's exit code for a wait status (128 + signal for a killed process).</summary>
    public static int ExitCodeOf(int status) => (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F);

    /// <summary>Ends a process with a wait status: all threads become zombies, memory and files go, the parent hears.</summary>
    public void ExitProcess(GuestProcess process, int status)
    {
        lock (Processes.Lock)
        {
            if (process.State != ProcessState.Running || process.Exiting) return;
            process.Exiting = true;
        }
        List<GuestThread> threads;
        lock (process.Threads) threads = process.Threads.ToList();
        foreach (var t in threads)
        {
            t.State = GuestThreadState.Zombie;
            Processes.RemoveThread(t);
            if (t.Core >= 0 && t.Core < Cores.Count && Cores[t.Core].Current == t) Cores[t.Core].Cpu.RaiseInterrupt(InterruptBits.Os);
        }
        process.Files.Fds.CloseAll();
        Native.OnProcessExit(process);   // channels close, names and services go on every core
        process.VforkDone?.WakeAll();
        Processes.MarkZombie(process, status, Init);
        Native.OnProcessExited(process);   // the process managers' waiters hear
        process.Memory.Destroy();
        if (process == Init)
        {
            initStatus = status;   // (once: Exiting above lets one exit through)
            initExited.Set();
            Cores[0].Kick();   // (RunUntilInitExits runs core 0's loop, which may be idle)
            return;
        }
        var parent = process.Parent;
        if (parent is not null)
        {
            bool killed = (status & 0x7F) != 0;
            Linux.SendSignal(parent, Sig.SIGCHLD, sender: new SigSender(killed ? ((status & 0x80) != 0 ? 3 : 2) : 1, // CLD_DUMPED, CLD_KILLED, CLD_EXITED
                process.Pid, (ulong)(killed ? status & 0x7F : (status >> 8) & 0xFF)));
            parent.ChildExited.WakeAll();
        }
    }

    // ---- IGuestOs ----

    public Resume OnException(Vcpu cpu, in GuestException e)
    {
        var core = (Core)cpu.OsData!;
        var thread = core.Current!;
        var process = (GuestProcess)thread.Owner!;
        if (thread.State == GuestThreadState.Zombie) return Resume.Halt;
        switch (e.Kind)
        {
            case ExceptionKind.Svc:
                if (Fast.Os.Native.NativeKernel.Handles(cpu.State->X[8])) return Native.Dispatch(cpu, core, thread, process);
                return Linux.Dispatch(cpu, core, thread, process);
            case ExceptionKind.DataAbort or ExceptionKind.InstructionAbort:
                return OnAbort(cpu, core, thread, process, e);
            case ExceptionKind.Brk:
                return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGTRAP, 1 /* TRAP_BRKPT */, e.Pc, e.Syndrome);
            case ExceptionKind.PcAlignment or ExceptionKind.SpAlignment:
                return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGBUS, 1 /* BUS_ADRALN */, e.FaultAddress, e.Syndrome);
            default: // Undefined, Hlt
                return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGILL, 1 /* ILL_ILLOPC */, e.Pc, e.Syndrome);
        }
    }

    /// <summary>Tier-1 code holds registers: repair lazy allocation and copy-on-write in place, nothing else.</summary>
    public bool TryRepairAbort(Vcpu cpu, in GuestException e)
    {
        if (e.Kind is not (ExceptionKind.DataAbort or ExceptionKind.InstructionAbort)) return false;
        if (e.Fault is FaultKind.Alignment or FaultKind.External) return false;
        var thread = ((Core)cpu.OsData!).Current!;
        if (thread.State == GuestThreadState.Zombie || thread.Owner is not GuestProcess process) return false;
        // A fault served by the home core on another core is a message here too: the wait serves this
        // core's mailbox, whose messages (wake-ups, relays, services, others' page-table work) never
        // touch the running thread's registers, which tier-1 code holds in locals meanwhile.
        if (Resolve(cpu, process, e) != FaultOutcome.Resolved) return false;   // OnAbort counts it when taken again
        Interlocked.Increment(ref PageFaults);
        return true;
    }

    /// <summary>A translation or permission fault handed to the process's memory; a resolved one's stale TLB entry is dropped.</summary>
    FaultOutcome Resolve(Vcpu cpu, GuestProcess process, in GuestException e)
    {
        var outcome = process.Memory.HandleFault(e.FaultAddress, e.Access);
        if (outcome != FaultOutcome.Resolved) return outcome;
        // A permission fault resolved by copy-on-write leaves a stale read-only TLB entry.
        if (e.Fault == FaultKind.Permission) cpu.Tlb.FlushPage(e.FaultAddress, (ushort)cpu.State->Asid);
        return outcome;
    }

    Resume OnAbort(Vcpu cpu, Core core, GuestThread thread, GuestProcess process, in GuestException e)
    {
        if (e.Fault == FaultKind.Alignment)
            return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGBUS, 1 /* BUS_ADRALN */, e.FaultAddress, e.Syndrome);
        if (e.Fault == FaultKind.External)
            return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGBUS, 3 /* BUS_OBJERR */, e.FaultAddress, e.Syndrome);
        Interlocked.Increment(ref PageFaults);
        var outcome = Resolve(cpu, process, e);
        switch (outcome)
        {
            case FaultOutcome.Resolved:
                return Resume.Retry;
            case FaultOutcome.OutOfMemory:
                Options.Log.WriteLine($"fast: out of guest memory in process {process.Pid}: killed");
                ExitProcess(process, Sig.SIGKILL);
                return Resume.Halt;
            case FaultOutcome.Gone:
                return Resume.Halt;   // its process is exiting: the thread is (or is about to be) a zombie
            default:
                int code = outcome == FaultOutcome.SegvMapError ? Paging.VaLayout.SegvMapErr : Paging.VaLayout.SegvAccErr;
                return Linux.RaiseFault(cpu, core, thread, process, Sig.SIGSEGV, code, e.FaultAddress, e.Syndrome);
        }
    }

    public Resume OnInterrupt(Vcpu cpu, int pending)
    {
        var core = (Core)cpu.OsData!;
        var thread = core.Current;
        if ((pending & InterruptBits.InterProcessor) != 0) Native.OnInterrupt(core);   // cross-core messages
        if (thread is null || thread.State == GuestThreadState.Zombie || (pending & InterruptBits.Stop) != 0) return Resume.Halt;
        var process = (GuestProcess)thread.Owner!;
        if (Linux.HasDeliverableSignal(thread, process)) return Linux.DeliverSignals(cpu, core, thread, process);
        // Round robin: a timer tick preempts the thread when another one is ready.
        if ((pending & InterruptBits.Timer) != 0 && core.Scheduler.HasReady) return Resume.Halt;
        return Resume.Continue;
    }

    public void Dispose()
    {
        foreach (var core in Cores) core.Dispose();
    }
}

/// <summary>A descriptor that reads EOF and discards writes (stdio when the host has none).</summary>
sealed class NullFile(int flags) : OpenFile(flags, "/dev/null")
{
    public override long Read(Span<byte> buffer) => 0;
    public override long Write(ReadOnlySpan<byte> data) => data.Length;
    public override long Stat(out Fast.Os.Linux.Abi.StatInfo st)
    {
        st = new Fast.Os.Linux.Abi.StatInfo { Mode = 0x2000 | 0x1B6, RdevMajor = 1, RdevMinor = 3, Nlink = 1 };
        return 0;
    }
}
