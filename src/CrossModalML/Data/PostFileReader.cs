using System.Text;
using System.Text.Json;

namespace CrossModalML.Data;

/// <summary>Reads TSV, CSV and JSON Lines post files into a <see cref="RawTable"/>, keeping each row's line number.</summary>
internal static class PostFileReader
{
    // Invalid UTF-8 becomes U+FFFD instead of failing: scraped tweets often carry a stray byte, and one bad character
    // should not cost the whole file; the load report warns with the lines (Utf8Warnings). A byte order mark is
    // recognised and dropped by the reader.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static RawTable Read(string path, PostFileFormat format, bool? allowQuoting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        RequireFile(fullPath);

        var resolvedFormat = format == PostFileFormat.Auto ? FormatFromExtension(fullPath) : format;
        var text = File.ReadAllText(fullPath, Utf8);
        RequireText(fullPath, text, firstLine: 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PostDataException($"The post file '{fullPath}' is empty. It needs a header row with the column names and at least one row of posts.");
        }

        return resolvedFormat switch
        {
            PostFileFormat.Tsv => ReadDelimited(fullPath, text, '\t', allowQuoting ?? false),
            PostFileFormat.Csv => ReadDelimited(fullPath, text, ',', allowQuoting ?? true),
            PostFileFormat.JsonLines => ReadJsonLines(fullPath, text),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown post file format {format}; use Auto, Tsv, Csv or JsonLines."),
        };
    }

    /// <summary>Streams a post file as tables of at most <paramref name="chunkRows"/> rows each, without reading it whole.</summary>
    /// <remarks>Rows keep their true line numbers. A quoted CSV value may span lines: a chunk ends only where the quotes
    /// read so far are balanced. JSON Lines chunks list the keys that occur in that chunk.</remarks>
    public static IEnumerable<RawTable> ReadChunks(string path, PostFileFormat format, bool? allowQuoting, int chunkRows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var fullPath = Path.GetFullPath(path);
        RequireFile(fullPath);

        return ReadChunksCore(fullPath, format == PostFileFormat.Auto ? FormatFromExtension(fullPath) : format, allowQuoting, chunkRows);
    }

    private static IEnumerable<RawTable> ReadChunksCore(string fullPath, PostFileFormat format, bool? allowQuoting, int chunkRows)
    {
        var jsonLines = format == PostFileFormat.JsonLines;
        var separator = format == PostFileFormat.Csv ? ',' : '\t';
        var quoting = !jsonLines && (allowQuoting ?? format == PostFileFormat.Csv);
        using var reader = new StreamReader(fullPath, Utf8, detectEncodingFromByteOrderMarks: true);
        List<string>? header = null;
        var headerLine = 0;
        var chunk = new StringBuilder();
        var chunkFirstLine = 1;
        var lineNumber = 0;
        var records = 0;
        var insideQuotes = false;
        var anyRows = false;

        RawTable? Flush()
        {
            var text = chunk.ToString();
            chunk.Clear();
            records = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (jsonLines)
            {
                return ReadJsonLines(fullPath, text, chunkFirstLine);
            }

            var rows = new List<RawRow>();
            foreach (var (line, fields) in SplitRecords(fullPath, text, separator, quoting, chunkFirstLine))
            {
                // A quote left open on the header line keeps the whole file in one chunk, header included.
                if (header is null)
                {
                    (headerLine, header) = (line, fields);
                    ValidateHeader(fullPath, header, headerLine);
                    continue;
                }

                if (fields.Count != header.Count)
                {
                    throw new PostDataException(FieldCountMessage(fullPath, line, headerLine, header.Count, fields.Count, separator, quoting));
                }

                rows.Add(new RawRow(line, [.. fields]));
            }

            return rows.Count == 0 ? null : RawTable.FromFile(fullPath, header!, rows, Utf8Warnings(fullPath, text, chunkFirstLine));
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (chunk.Length == 0)
            {
                chunkFirstLine = lineNumber;
            }

            RequireText(fullPath, line, lineNumber);
            chunk.Append(line).Append('\n');
            if (quoting && line.Count(c => c == '"') % 2 == 1)
            {
                insideQuotes = !insideQuotes;
            }

            if (insideQuotes)
            {
                continue;
            }

            if (!jsonLines && header is null)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    chunk.Clear();
                    continue;
                }

                (headerLine, header) = SplitRecords(fullPath, chunk.ToString(), separator, quoting, chunkFirstLine).First();
                ValidateHeader(fullPath, header, headerLine);
                CheckSeparator(fullPath, header, headerLine, separator);
                chunk.Clear();
                continue;
            }

            if (++records >= chunkRows && Flush() is { } table)
            {
                anyRows = true;
                yield return table;
            }
        }

        if (Flush() is { } last)
        {
            anyRows = true;
            yield return last;
        }

        if (!anyRows)
        {
            throw new PostDataException(header is null
                ? $"The post file '{fullPath}' is empty. It needs a header row with the column names and at least one row of posts."
                : $"'{fullPath}' has a header but no rows of posts.");
        }
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

    private static RawTable ReadDelimited(string path, string text, char separator, bool allowQuoting)
    {
        List<string>? header = null;
        var headerLine = 0;
        var rows = new List<RawRow>();
        foreach (var (lineNumber, fields) in SplitRecords(path, text, separator, allowQuoting))
        {
            if (header is null)
            {
                header = fields;
                headerLine = lineNumber;
                ValidateHeader(path, header, headerLine);
                CheckSeparator(path, header, headerLine, separator);
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new PostDataException(FieldCountMessage(path, lineNumber, headerLine, header.Count, fields.Count, separator, allowQuoting));
            }

            rows.Add(new RawRow(lineNumber, [.. fields]));
        }

        return Finish(path, header!, rows, Utf8Warnings(path, text, firstLine: 1));
    }

    private static string FieldCountMessage(string path, int lineNumber, int headerLine, int expected, int actual, char separator, bool allowQuoting)
    {
        var separatorName = separator == '\t' ? "tab" : $"'{separator}'";
        var hint = allowQuoting
            ? $"Check for a missing or extra {separatorName} on that line."
            : $"A {separatorName} inside a value splits it; remove it, or save the file as .csv with quoted fields (or set PostLoadOptions.AllowQuoting).";
        return $"'{path}' line {lineNumber} has {actual} fields, but the header on line {headerLine} has {expected} columns. {hint}";
    }

    /// <summary>Splits text into records; with quoting, a quoted field may hold separators, line breaks and doubled quotes.</summary>
    private static IEnumerable<(int LineNumber, List<string> Fields)> SplitRecords(string path, string text, char separator, bool allowQuoting, int firstLine = 1)
    {
        var position = 0;
        var line = firstLine;
        var field = new StringBuilder();
        while (position < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            var anyQuoted = false;
            var recordEnded = false;
            while (!recordEnded)
            {
                field.Clear();
                if (allowQuoting && position < text.Length && text[position] == '"')
                {
                    anyQuoted = true;
                    var quoteLine = line;
                    position++;
                    var closed = false;
                    while (position < text.Length)
                    {
                        var c = text[position];
                        if (c == '"')
                        {
                            if (position + 1 < text.Length && text[position + 1] == '"')
                            {
                                field.Append('"');
                                position += 2;
                                continue;
                            }

                            position++;
                            closed = true;
                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        // A CRLF inside a quoted field is kept as LF so that values do not depend on the writer's platform.
                        if (c != '\r' || position + 1 >= text.Length || text[position + 1] != '\n')
                        {
                            field.Append(c);
                        }

                        position++;
                    }

                    if (!closed)
                    {
                        throw new PostDataException(
                            $"'{path}' line {quoteLine}: the quoted value in field {fields.Count + 1} is never closed. Add the closing '\"', and write a quote inside a quoted value as '\"\"'.");
                    }

                    if (position < text.Length && text[position] != separator && text[position] != '\n' && text[position] != '\r' && line != quoteLine)
                    {
                        // The quote that "closes" a value opened lines earlier is usually the opening quote of a later value.
                        throw new PostDataException(
                            $"'{path}' line {quoteLine}: the quoted value in field {fields.Count + 1} opened on this line is not closed before the end of its row: " +
                            $"the next quote is on line {line}, followed by '{text[position]}'. Add the closing '\"' on line {quoteLine}, and write a quote inside a quoted value as '\"\"'.");
                    }

                    if (position < text.Length && text[position] != separator && text[position] != '\n' && text[position] != '\r')
                    {
                        throw new PostDataException(
                            $"'{path}' line {line}: unexpected character '{text[position]}' after the closing quote of field {fields.Count + 1}. Write a quote inside a quoted value as '\"\"', or quote the whole value.");
                    }
                }
                else
                {
                    while (position < text.Length && text[position] != separator && text[position] != '\n')
                    {
                        field.Append(text[position]);
                        position++;
                    }
                }

                if (field.Length > 0 && field[^1] == '\r' && (position >= text.Length || text[position] == '\n'))
                {
                    field.Length--;
                }

                fields.Add(field.ToString());
                if (position < text.Length && text[position] == separator)
                {
                    position++;
                    continue;
                }

                if (position < text.Length && text[position] == '\r')
                {
                    position++;
                }

                if (position < text.Length && text[position] == '\n')
                {
                    position++;
                    line++;
                }

                recordEnded = true;
            }

            // Blank lines (often a trailing one) separate nothing and hold no post.
            if (fields.Count == 1 && !anyQuoted && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            yield return (recordLine, fields);
        }
    }

    private static RawTable ReadJsonLines(string path, string text, int firstLine = 1)
    {
        var columns = new List<string>();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(int LineNumber, Dictionary<int, string> Values)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = firstLine + i;
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var values = new Dictionary<int, string>();
            using (var document = ParseJsonLine(path, lineNumber, line))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new PostDataException(
                        $"'{path}' line {lineNumber} holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, but JSON Lines post files need one object per line, such as {{\"text\": \"...\", \"label\": \"...\"}}.");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var key = property.Name.Trim();
                    if (key.Length == 0)
                    {
                        throw new PostDataException($"'{path}' line {lineNumber} has a key that is empty; every key names a column.");
                    }

                    if (!columnIndex.TryGetValue(key, out var index))
                    {
                        index = columns.Count;
                        columns.Add(key);
                        columnIndex.Add(key, index);
                    }

                    if (!values.TryAdd(index, JsonValueAsText(path, lineNumber, key, property.Value)))
                    {
                        throw new PostDataException($"'{path}' line {lineNumber} has the key '{key}' twice; keep one.");
                    }
                }
            }

            parsed.Add((lineNumber, values));
        }

        ValidateHeader(path, columns, headerLine: 1);
        var rows = new List<RawRow>(parsed.Count);
        foreach (var (lineNumber, values) in parsed)
        {
            var cells = new string[columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = values.TryGetValue(c, out var value) ? value : string.Empty;
            }

            rows.Add(new RawRow(lineNumber, cells));
        }

        return Finish(path, columns, rows, Utf8Warnings(path, text, firstLine));
    }

    private static JsonDocument ParseJsonLine(string path, int lineNumber, string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new PostDataException($"'{path}' line {lineNumber} is not valid JSON ({exception.Message}). Each line must be one complete JSON object.", exception);
        }
    }

    private static string JsonValueAsText(string path, int lineNumber, string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => throw new PostDataException(
            $"'{path}' line {lineNumber}, key '{key}': the value is a nested JSON {value.ValueKind.ToString().ToLowerInvariant()}. Values must be strings, numbers, booleans or null; flatten it into top-level keys (for example '{key}_0' or '{key}_name')."),
    };

    private static void ValidateHeader(string path, List<string> header, int headerLine)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            header[i] = header[i].Trim();
            if (header[i].Length == 0)
            {
                throw new PostDataException($"'{path}' line {headerLine}: header column {i + 1} has no name. Give every column a unique name.");
            }

            if (!seen.TryAdd(header[i], i + 1))
            {
                throw new PostDataException(
                    $"'{path}' line {headerLine}: the column name '{header[i]}' appears twice (columns {seen[header[i]]} and {i + 1}). Column names must be unique; rename one.");
            }
        }
    }

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

    /// <summary>A NUL character never occurs in a text file; it means an image, a zip or another binary file was given.</summary>
    private static void RequireText(string path, string text, int firstLine)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = firstLine + text.AsSpan(0, nul).Count('\n');
            throw new PostDataException(
                $"'{path}' is not a text file: line {line} holds a NUL byte, as binary files (images, zips, spreadsheets) do. Post files are UTF-8 TSV, CSV or JSON Lines.");
        }
    }

    /// <summary>A header read as one column that holds another common separator was written with that separator.</summary>
    private static void CheckSeparator(string path, List<string> header, int headerLine, char separator)
    {
        if (header.Count != 1)
        {
            return;
        }

        var likely = new[] { '\t', ',', ';', '|' }.Where(c => c != separator).FirstOrDefault(c => header[0].Contains(c, StringComparison.Ordinal));
        if (likely == default(char))
        {
            return;
        }

        string Name(char c) => c == '\t' ? "tab" : $"'{c}'";
        var extension = likely switch { '\t' => ".tsv", ',' => ".csv", _ => null };
        var fix = extension is null
            ? $"Save it with {Name(separator)} between values"
            : $"Rename it to {extension} (or set PostLoadOptions.Format), or save it with {Name(separator)} between values";
        throw new PostDataException(
            $"'{path}' line {headerLine}: the header was read as one column '{header[0]}', split by {Name(separator)}, but it holds {Name(likely)}: " +
            $"the file is probably {Name(likely)}-separated. {fix}.");
    }

    private static RawTable Finish(string path, IReadOnlyList<string> header, List<RawRow> rows, IReadOnlyList<string> warnings)
    {
        if (rows.Count == 0)
        {
            throw new PostDataException($"'{path}' has a header but no rows of posts.");
        }

        return RawTable.FromFile(path, header, rows, warnings);
    }

    /// <summary>A warning naming the lines where the decoder met bytes that are not UTF-8 (each became U+FFFD), or none.</summary>
    private static IReadOnlyList<string> Utf8Warnings(string path, string text, int firstLine)
    {
        var lines = new List<int>();
        var line = firstLine;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (c == '\uFFFD' && (lines.Count == 0 || lines[^1] != line))
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            return [];
        }

        var examples = string.Join(", ", lines.Take(LoadDiagnostics.MaxExamples));
        return [$"'{path}': {lines.Count} lines hold bytes that are not valid UTF-8 (e.g. line {examples}); each such byte is read as the replacement character U+FFFD. Save the file as UTF-8 to keep those characters."];
    }
}
