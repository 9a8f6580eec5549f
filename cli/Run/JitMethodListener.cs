// JitMethodListener: records where the .NET JIT put each method it compiled (the runtime's
// MethodLoadVerbose events, JIT keyword at Verbose, read in-process), so `fast explain` can show
// the host x86-64 code of a guest region's DynamicMethod.
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Fast.Cli.Run;

public sealed class JitMethodListener : EventListener
{
    const EventKeywords JitKeyword = (EventKeywords)0x10;
    public readonly ConcurrentDictionary<string, (ulong Start, int Size)> Methods = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, JitKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || e.PayloadNames is null) return;
        int name = e.PayloadNames.IndexOf("MethodName"), start = e.PayloadNames.IndexOf("MethodStartAddress"), size = e.PayloadNames.IndexOf("MethodSize");
        if (name < 0 || start < 0 || size < 0 || e.Payload![name] is not string method) return;
        Methods[method] = (Convert.ToUInt64(e.Payload[start]), Convert.ToInt32(e.Payload[size]));
    }
}
