namespace CrossModalML.Data;

/// <summary>A post table as strings, with where each row came from, so that later checks can point at a line.</summary>
internal sealed class RawTable
{
    private const string InMemorySource = "the in-memory posts";

    private RawTable(string source, bool isFile, string baseDirectory, IReadOnlyList<string> columnNames, IReadOnlyList<RawRow> rows, IReadOnlyList<string>? readWarnings = null)
    {
        ReadWarnings = readWarnings ?? [];
        Source = source;
        BaseDirectory = baseDirectory;
        IsFile = isFile;
        ColumnNames = columnNames;
        Rows = rows;
    }

    /// <summary>The file's full path, or a description of in-memory posts.</summary>
    public string Source { get; }

    /// <summary>Whether <see cref="Source"/> is a file (row positions are then line numbers).</summary>
    public bool IsFile { get; }

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The data rows, in file order.</summary>
    public IReadOnlyList<RawRow> Rows { get; }

    /// <summary>Problems met while reading the file that did not stop it, such as bytes that are not UTF-8.</summary>
    public IReadOnlyList<string> ReadWarnings { get; }

    /// <summary>The directory against which relative image paths are resolved: for a file, its own directory.</summary>
    public string BaseDirectory { get; }

    public static RawTable FromFile(string fullPath, IReadOnlyList<string> columnNames, IReadOnlyList<RawRow> rows, IReadOnlyList<string>? readWarnings = null) =>
        new(fullPath, isFile: true, Path.GetDirectoryName(fullPath) ?? Environment.CurrentDirectory, columnNames, rows, readWarnings);

    public static RawTable FromMemory(IReadOnlyList<string> columnNames, IReadOnlyList<RawRow> rows, string baseDirectory) =>
        new(InMemorySource, isFile: false, Path.GetFullPath(baseDirectory), columnNames, rows);

    /// <summary>This table with an empty column added for each of <paramref name="names"/> it lacks (JSON Lines: an
    /// absent key is a missing value), or this table itself when it lacks none.</summary>
    public RawTable WithEmptyColumns(IEnumerable<string> names)
    {
        var missing = names.Where(name => IndexOf(name) < 0).ToArray();
        if (missing.Length == 0)
        {
            return this;
        }

        var rows = Rows.Select(row => new RawRow(row.LineNumber, [.. row.Cells, .. missing.Select(_ => string.Empty)])).ToArray();
        return new RawTable(Source, IsFile, BaseDirectory, [.. ColumnNames, .. missing], rows, ReadWarnings);
    }

    /// <summary>The 0-based position of a column, or -1.</summary>
    public int IndexOf(string columnName)
    {
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (string.Equals(ColumnNames[i], columnName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"'path' line 12" for a file, "row 12 of the in-memory posts" otherwise.</summary>
    public string Locate(int lineNumber) =>
        IsFile ? $"'{Source}' line {lineNumber}" : $"row {lineNumber} of {InMemorySource}";

    /// <summary>"'path'" for a file, "the in-memory posts" otherwise.</summary>
    public string Describe() => IsFile ? $"'{Source}'" : InMemorySource;

    /// <summary>The column names, quoted and comma-separated, for error messages that list what is valid.</summary>
    public string ListColumns() => string.Join(", ", ColumnNames.Select(name => $"'{name}'"));
}
