// StderrWriter: the host's standard error, reached on the first write. Console.Error costs ~5 ms
// to set up (System.Console, its encoding and stream), and most runs never write to it: the OS's
// default log is this writer, not Console.Error itself.
using System.Text;

namespace Fast.Os.Kernel;

public sealed class StderrWriter : TextWriter
{
    public static readonly StderrWriter Instance = new();

    StderrWriter() { }

    public override Encoding Encoding => Console.Error.Encoding;
    public override void Write(char value) => Console.Error.Write(value);
    public override void Write(string? value) => Console.Error.Write(value);
    public override void Write(char[] buffer, int index, int count) => Console.Error.Write(buffer, index, count);
    public override void WriteLine(string? value) => Console.Error.WriteLine(value);
    public override void WriteLine() => Console.Error.WriteLine();
    public override void Flush() => Console.Error.Flush();
}
