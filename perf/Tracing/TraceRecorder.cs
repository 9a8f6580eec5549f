// TraceRecorder: records this process into a .nettrace file that PerfView and `fast trace report`
// open (DESIGN.md section 6). It talks to the runtime's own diagnostic server through
// DiagnosticsClient on our pid, starts one EventPipe session and copies its stream to the file on
// a background task until Stop.
//
// The session enables: the `Fast` provider (every keyword, Verbose); the sample profiler
// (Microsoft-DotNETCore-SampleProfiler, a managed+native stack for every thread each millisecond);
// and Microsoft-Windows-DotNETRuntime with the Loader and JIT keywords at Verbose, so each
// MethodLoadVerbose event names a method as it is jitted — tier 1's DynamicMethods are named
// `guest!...`, which is how guest functions appear in CPU stacks. Stop asks for the method rundown
// (MethodDCEndVerbose for everything still alive), so methods jitted before Start resolve too.
//
// Usage (the run command): `using var rec = TraceRecorder.Start(path); ... run ...; rec.Stop();`
// Stop is idempotent and Dispose calls it; call it before the process exits (an Environment.Exit
// with the guest's status must come after Stop), or the file ends without the rundown and the
// last buffers. One recorder at a time per process is the intended
// use; the runtime allows several sessions, but each costs a buffer and a sampling thread.
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Fast.Perf.Tracing;

public sealed class TraceRecorder : IDisposable
{
    public const string FastProvider = "Fast";
    public const string SampleProfilerProvider = "Microsoft-DotNETCore-SampleProfiler";
    public const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>Runtime keywords: Loader (0x8) and JIT (0x10), enough to name every jitted method.</summary>
    public const long RuntimeKeywords = 0x8 | 0x10;

    readonly EventPipeSession session;
    readonly FileStream file;
    readonly Task copy;
    int stopped;

    public string Path { get; }

    /// <summary>Bytes written to the file so far.</summary>
    public long BytesWritten => Interlocked.Read(ref written);
    long written;

    TraceRecorder(string path, EventPipeSession session, FileStream file)
    {
        Path = path;
        this.session = session;
        this.file = file;
        copy = Task.Run(CopyLoop);
    }

    /// <summary>The providers one recording enables (also what `dotnet-trace --providers` would take).</summary>
    public static IReadOnlyList<EventPipeProvider> Providers(bool sampleProfiler = true)
    {
        var list = new List<EventPipeProvider>
        {
            new(FastProvider, EventLevel.Verbose, keywords: -1),
            new(RuntimeProvider, EventLevel.Verbose, RuntimeKeywords),
        };
        if (sampleProfiler) list.Add(new EventPipeProvider(SampleProfilerProvider, EventLevel.Informational));
        return list;
    }

    /// <summary>
    /// Starts recording this process into <paramref name="path"/> (created or truncated). Throws
    /// InvalidOperationException, with the reason, when the diagnostic server refuses.
    /// </summary>
    public static TraceRecorder Start(string path, bool sampleProfiler = true, int bufferMegabytes = 256)
    {
        Fast.Runtime.Observability.FastEventSource.Create();   // (made lazily otherwise: its first events would be lost)
        string full = System.IO.Path.GetFullPath(path);
        var file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        try
        {
            var client = new DiagnosticsClient(Environment.ProcessId);
            var session = client.StartEventPipeSession(Providers(sampleProfiler), requestRundown: true, circularBufferMB: bufferMegabytes);
            return new TraceRecorder(full, session, file);
        }
        catch (Exception e)
        {
            file.Dispose();
            File.Delete(full);
            if (e is DiagnosticsClientException or IOException or UnauthorizedAccessException or TimeoutException)
                throw new InvalidOperationException(
                    $"cannot record {path}: the runtime's diagnostic server did not accept an EventPipe session ({e.Message}); " +
                    "is DOTNET_EnableDiagnostics=0 set?", e);
            throw;
        }
    }

    void CopyLoop()
    {
        var buffer = new byte[1 << 16];
        int n;
        while ((n = session.EventStream.Read(buffer, 0, buffer.Length)) > 0)
        {
            file.Write(buffer, 0, n);
            Interlocked.Add(ref written, n);
        }
    }

    /// <summary>Ends the session (the runtime then writes the method rundown), waits for the stream to end, closes the file.</summary>
    public void Stop(TimeSpan? timeout = null)
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0) return;
        try
        {
            session.Stop();
            if (!copy.Wait(timeout ?? TimeSpan.FromSeconds(60)))
                throw new TimeoutException($"trace stream to {Path} did not end after the session stopped");
        }
        finally
        {
            session.Dispose();
            file.Flush();
            file.Dispose();
        }
    }

    public void Dispose() => Stop();
}
