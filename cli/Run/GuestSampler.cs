// GuestSampler: the guest-level profiler behind `fast run --trace`. Every millisecond it reads the
// PC of every core's current thread and writes a GuestPcSample event; with the ImageMapped events
// of the loader, `fast trace report` turns them into the hottest guest functions, whichever tier
// ran the code (the .NET sample profiler only sees guest frames inside compiled regions).
// Reading another vCPU's PC without synchronisation is deliberate: a sample may be one instruction
// stale, never torn (an aligned 8-byte load).
using Fast.Os.Kernel;
using Fast.Runtime.Observability;

namespace Fast.Cli.Run;

public sealed unsafe class GuestSampler : IDisposable
{
    readonly FastOs os;
    readonly Thread thread;
    volatile bool stopping;

    public long Samples;

    public GuestSampler(FastOs os, TimeSpan? period = null)
    {
        this.os = os;
        var interval = period ?? TimeSpan.FromMilliseconds(1);
        thread = new Thread(() => Loop(interval)) { IsBackground = true, Name = "Fast guest sampler" };
        thread.Start();
    }

    void Loop(TimeSpan interval)
    {
        while (!stopping)
        {
            Thread.Sleep(interval);
            if (!FastEventSource.SamplingEnabled) continue;
            foreach (var core in os.Cores)
            {
                var current = core.Current;
                if (current?.Owner is not Fast.Os.Process.GuestProcess process || current.State != Fast.Os.Scheduling.GuestThreadState.Running) continue;
                FastEventSource.Log.GuestPcSample(core.Id, process.Pid, core.Cpu.State->PC);
                Samples++;
            }
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }
}
