using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CrossModalML.Cli.Rendering;

/// <summary>A table of plain-text cells that fits the console width: columns when they fit (text cells wrapped between
/// words if need be), otherwise one block of <c>header: value</c> fields per row, wrapped between words.</summary>
/// <remarks>
/// A column layout is used only if every word of every cell stays whole on one line. Before switching to the vertical
/// layout, columns marked optional are left out (and a line says how wide the console would have to be to show them).
/// No word of a cell is ever split across lines unless it alone is wider than the console. Not thread-safe.
/// </remarks>
internal sealed class ResponsiveTable
{
    private const string FieldSeparator = "   ";
    private const string Indent = "  ";
    private readonly List<(string Header, bool RightAligned, bool Optional)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a column.</summary>
    /// <param name="header">The header, plain text.</param>
    /// <param name="rightAligned">Right-align the cells (numbers).</param>
    /// <param name="optional">Leave the column out, rather than switch to the vertical layout, when the table is too wide.</param>
    public ResponsiveTable Column(string header, bool rightAligned = false, bool optional = false)
    {
        _columns.Add((header, rightAligned, optional));
        return this;
    }

    /// <summary>Adds a row of plain-text cells, one per column; a <c>null</c> cell is empty.</summary>
    /// <exception cref="ArgumentException">The row has more cells than the table has columns.</exception>
    public ResponsiveTable Row(params string?[] cells)
    {
        if (cells.Length > _columns.Count)
        {
            throw new ArgumentException($"A row of {cells.Length} cells does not fit a table of {_columns.Count} columns.", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => c ?? string.Empty), .. Enumerable.Repeat(string.Empty, _columns.Count - cells.Length)]);
        return this;
    }

    /// <summary>The number of rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Writes the table to <paramref name="console"/> (default: the configured console) at its width.</summary>
    public void Write(IAnsiConsole? console = null)
    {
        console ??= CliConsole.Current;
        int width = console.Profile.Width;
        var all = Enumerable.Range(0, _columns.Count).ToList();
        if (TryWriteColumns(console, all, width))
        {
            return;
        }

        var required = all.Where(i => !_columns[i].Optional).ToList();
        if (required.Count < all.Count && TryWriteColumns(console, required, width))
        {
            var omitted = all.Except(required).ToList();
            var left = string.Join(", ", omitted.Select(i => $"'{_columns[i].Header}'"));
            var them = omitted.Count == 1 ? "it" : "them";
            foreach (var line in Wrap($"({left} left out at {width} columns; --width {Render(Build(all), 4096).Max(l => l.Length)} shows {them}.)", width, string.Empty))
            {
                console.WriteLine(line);
            }

            return;
        }

        foreach (var line in Vertical(width))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>Writes the table with these columns when it fits <paramref name="width"/>, text cells wrapped between words if
    /// need be; a layout that would split any word is refused.</summary>
    private bool TryWriteColumns(IAnsiConsole console, IReadOnlyList<int> columns, int width)
    {
        var table = Build(columns);
        var lines = Render(table, width);
        if (lines.Any(l => l.Length > width))
        {
            return false;
        }

        var words = columns.SelectMany(i => _rows.Select(r => r[i]).Append(_columns[i].Header))
            .SelectMany(cell => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal);
        if (!words.All(word => lines.Any(l => l.Contains(word, StringComparison.Ordinal))))
        {
            return false;
        }

        console.Write(table);
        return true;
    }

    /// <summary>The rows as blocks of <c>header: value</c> fields, packed side by side while they fit.</summary>
    internal IEnumerable<string> Vertical(int width)
    {
        for (int r = 0; r < _rows.Count; r++)
        {
            if (r > 0)
            {
                yield return string.Empty;
            }

            var row = _rows[r];
            foreach (var line in Wrap($"{_columns[0].Header}: {row[0]}", width, Indent))
            {
                yield return line;
            }

            var current = new StringBuilder();
            for (int c = 1; c < _columns.Count; c++)
            {
                if (row[c].Length == 0)
                {
                    continue;
                }

                var field = $"{_columns[c].Header}: {row[c]}";
                if (current.Length > 0 && current.Length + FieldSeparator.Length + field.Length <= width)
                {
                    current.Append(FieldSeparator).Append(field);
                    continue;
                }

                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                if (Indent.Length + field.Length <= width)
                {
                    current.Append(Indent).Append(field);
                    continue;
                }

                foreach (var line in Wrap(field, width - Indent.Length, Indent + Indent))
                {
                    yield return Indent + line;
                }
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }
    }

    /// <summary>Breaks <paramref name="text"/> between words into lines of at most <paramref name="width"/> cells;
    /// continuation lines start with <paramref name="continuation"/>. A word wider than a line gets a line of its own.</summary>
    internal static IEnumerable<string> Wrap(string text, int width, string continuation)
    {
        // The text's own indentation is kept on its first line; a line holds words once it is longer than its prefix.
        var line = new StringBuilder(text[..(text.Length - text.TrimStart(' ').Length)]);
        int prefix = line.Length;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > prefix && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(continuation);
                prefix = line.Length;
            }

            if (line.Length > prefix)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > prefix)
        {
            yield return line.ToString();
        }
    }

    private Table Build(IReadOnlyList<int> columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (int i in columns)
        {
            var column = new TableColumn(new Text(_columns[i].Header));
            table.AddColumn(_columns[i].RightAligned ? column.RightAligned().NoWrap() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(columns.Select(i => (IRenderable)new Text(row[i])));
        }

        return table;
    }

    /// <summary>The lines the table takes at <paramref name="width"/>, rendered once off-screen, trailing spaces removed.</summary>
    private static List<string> Render(Table table, int width)
    {
        var text = new StringWriter();
        CliConsole.Plain(text, width).Write(table);
        return text.ToString().Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
    }
}
