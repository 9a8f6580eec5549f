// ConsoleTable: prints a table with Spectre.Console when the output is the real console on a
// terminal, and as plain aligned columns otherwise (pipes, files, CI logs, tests).
using Spectre.Console;

namespace Fast.Perf.Compare;

public static class ConsoleTable
{
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Ansi;

    public static void Write(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, string? title = null)
    {
        if (IsTerminal(output))
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (title is not null) table.Title(Markup.Escape(title));
            for (int c = 0; c < headers.Length; c++)
            {
                var column = new TableColumn(Markup.Escape(headers[c]));
                if (c > 0) column.RightAligned();
                table.AddColumn(column);
            }
            foreach (var row in rows) table.AddRow(row.Select(cell => new Markup(Markup.Escape(cell))).ToArray());
            AnsiConsole.Write(table);
            return;
        }
        WritePlain(output, headers, rows, title);
    }

    public static void WritePlain(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, string? title = null)
    {
        if (title is not null) output.WriteLine(title);
        var widths = headers.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => c < r.Length ? r[c].Length : 0))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row));
    }
}
