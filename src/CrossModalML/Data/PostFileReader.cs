namespace CrossModalML.Data;

/// <summary>Reads TSV, CSV and JSON Lines post files into <see cref="RawTable"/>s, keeping each row's line number.</summary>
/// <remarks>One streaming path serves both uses: a file is read row by row (<see cref="IPostRecordReader"/>, one reader
/// per format) and the rows are gathered either into one table (<see cref="Read"/>) or into tables of a few rows each
/// (<see cref="ReadChunks"/>), so both report the same errors at the same lines.</remarks>
internal static class PostFileReader
{
    private const string NoPostsHint = "It needs a header row with the column names and at least one row of posts.";

    /// <summary>Reads a whole post file into one table.</summary>
    public static RawTable Read(string path, PostFileFormat format, bool? allowQuoting)
    {
        var (fullPath, resolvedFormat) = Resolve(path, format);
        return ReadTables(fullPath, resolvedFormat, allowQuoting, int.MaxValue).Single();
    }

    /// <summary>Streams a post file as tables of at most <paramref name="chunkRows"/> rows each, without reading it whole.</summary>
    /// <remarks>Rows keep their true line numbers; a quoted CSV value may span lines. JSON Lines chunks list the keys
    /// that occur in that chunk. A missing file or folder is reported at once, everything else while enumerating.</remarks>
    public static IEnumerable<RawTable> ReadChunks(string path, PostFileFormat format, bool? allowQuoting, int chunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var (fullPath, resolvedFormat) = Resolve(path, format);
        return ReadTables(fullPath, resolvedFormat, allowQuoting, chunkRows);
    }

    public static PostFileFormat FormatFromExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".tsv" or ".txt" => PostFileFormat.Tsv,
            ".csv" => PostFileFormat.Csv,
            ".jsonl" or ".ndjson" => PostFileFormat.JsonLines,
            _ => throw new PostDataException(
                $"Cannot tell the format of '{path}' from its extension '{extension}'. Use .tsv or .txt (tab-separated), .csv, or .jsonl/.ndjson (JSON Lines) as the extension (or set PostLoadOptions.Format)."),
        };
    }

    private static (string FullPath, PostFileFormat Format) Resolve(string path, PostFileFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        RequireFile(fullPath);
        return (fullPath, format == PostFileFormat.Auto ? FormatFromExtension(fullPath) : format);
    }

    private static IEnumerable<RawTable> ReadTables(string fullPath, PostFileFormat format, bool? allowQuoting, int chunkRows)
    {
        using var cursor = PostTextCursor.Open(fullPath);
        var records = CreateReader(fullPath, cursor, format, allowQuoting);
        var collector = new RawTableCollector();
        var anyRows = false;
        while (records.ReadRecord() is { } record)
        {
            collector.Add(record);
            if (collector.Count == chunkRows)
            {
                anyRows = true;
                yield return collector.ToTable(fullPath, Utf8Warnings(fullPath, cursor.TakeReplacementLines()));
                collector = new RawTableCollector();
            }
        }

        if (collector.Count > 0)
        {
            yield return collector.ToTable(fullPath, Utf8Warnings(fullPath, cursor.TakeReplacementLines()));
        }
        else if (!anyRows)
        {
            throw new PostDataException(records.HasHeader
                ? $"'{fullPath}' has a header but no rows of posts."
                : $"The post file '{fullPath}' is empty. {NoPostsHint}");
        }
    }

    private static IPostRecordReader CreateReader(string fullPath, PostTextCursor cursor, PostFileFormat format, bool? allowQuoting) => format switch
    {
        PostFileFormat.Tsv => new DelimitedRecordReader(fullPath, cursor, '\t', allowQuoting ?? false),
        PostFileFormat.Csv => new DelimitedRecordReader(fullPath, cursor, ',', allowQuoting ?? true),
        PostFileFormat.JsonLines => new JsonLinesRecordReader(fullPath, cursor),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown post file format {format}; use Auto, Tsv, Csv or JsonLines."),
    };

    private static void RequireFile(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new PostDataException($"'{fullPath}' is a folder, not a post file. Give the path of a .tsv, .csv or .jsonl file.");
        }

        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"The post file '{fullPath}' does not exist. Check the path; a relative path is resolved against the current directory '{Environment.CurrentDirectory}'.",
                fullPath);
        }
    }

    /// <summary>A warning naming the lines where the decoder met bytes that are not UTF-8 (each became U+FFFD), or none.</summary>
    private static IReadOnlyList<string> Utf8Warnings(string path, IReadOnlyList<int> lines)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var examples = string.Join(", ", lines.Take(LoadDiagnostics.MaxExamples));
        return [$"'{path}': {lines.Count} lines hold bytes that are not valid UTF-8 (e.g. line {examples}); each such byte is read as the replacement character U+FFFD. Save the file as UTF-8 to keep those characters."];
    }
}
