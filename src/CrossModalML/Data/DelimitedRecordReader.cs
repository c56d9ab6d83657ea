using System.Text;

namespace CrossModalML.Data;

/// <summary>Reads TSV or CSV rows: a header row, then one record per line, or per several lines when quoting lets a
/// quoted value hold separators, line breaks and doubled quotes.</summary>
internal sealed class DelimitedRecordReader : IPostRecordReader
{
    private readonly string _path;
    private readonly PostTextCursor _cursor;
    private readonly char _separator;
    private readonly bool _allowQuoting;
    private readonly StringBuilder _field = new();
    private List<string>? _header;
    private int _headerLine;

    public DelimitedRecordReader(string path, PostTextCursor cursor, char separator, bool allowQuoting)
    {
        _path = path;
        _cursor = cursor;
        _separator = separator;
        _allowQuoting = allowQuoting;
    }

    public bool HasHeader => _header is not null;

    private string SeparatorName => _separator == '\t' ? "tab" : $"'{_separator}'";

    public PostRecord? ReadRecord()
    {
        if (_header is null && !ReadHeader())
        {
            return null;
        }

        if (ReadFields() is not var (lineNumber, fields, _))
        {
            return null;
        }

        if (fields.Count != _header!.Count)
        {
            var hint = _allowQuoting
                ? $"Check for a missing or extra {SeparatorName} on that line."
                : $"A {SeparatorName} inside a value splits it; remove it, or save the file as .csv with quoted fields (or set PostLoadOptions.AllowQuoting).";
            throw new PostDataException(
                $"'{_path}' line {lineNumber} has {fields.Count} fields, but the header on line {_headerLine} has {_header.Count} columns. {hint}");
        }

        return new PostRecord(lineNumber, _header, [.. fields]);
    }

    private bool ReadHeader()
    {
        if (ReadFields() is not var (lineNumber, fields, anyQuoted))
        {
            return false;
        }

        // Separators and white space alone, and nothing after them, are an empty file rather than a nameless header.
        if (!anyQuoted && fields.All(string.IsNullOrWhiteSpace) && _cursor.RestIsWhiteSpace())
        {
            return false;
        }

        ValidateHeader(fields, lineNumber);
        CheckSeparator(fields, lineNumber);
        (_header, _headerLine) = (fields, lineNumber);
        return true;
    }

    /// <summary>The next record that is not a blank line, with the line it starts on and whether a field was quoted.</summary>
    private (int LineNumber, List<string> Fields, bool AnyQuoted)? ReadFields()
    {
        while (_cursor.Peek() >= 0)
        {
            var recordLine = _cursor.Line;
            var fields = new List<string>();
            var anyQuoted = false;
            while (true)
            {
                _field.Clear();
                if (_allowQuoting && _cursor.Peek() == '"')
                {
                    anyQuoted = true;
                    ReadQuotedField(fields.Count + 1);
                }
                else
                {
                    while (_cursor.Peek() is var c && c >= 0 && c != _separator && c != '\n')
                    {
                        _field.Append(_cursor.Read());
                    }
                }

                var next = _cursor.Peek();
                if (_field.Length > 0 && _field[^1] == '\r' && (next < 0 || next == '\n'))
                {
                    _field.Length--;
                }

                fields.Add(_field.ToString());
                if (next == _separator)
                {
                    _cursor.Read();
                    continue;
                }

                if (next == '\r')
                {
                    _cursor.Read();
                    next = _cursor.Peek();
                }

                if (next == '\n')
                {
                    _cursor.Read();
                }

                break;
            }

            // Blank lines (often a trailing one) separate nothing and hold no post.
            if (fields.Count == 1 && !anyQuoted && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            return (recordLine, fields, anyQuoted);
        }

        return null;
    }

    /// <summary>Reads a quoted value into the field buffer, from its opening quote to its closing one.</summary>
    private void ReadQuotedField(int fieldNumber)
    {
        var quoteLine = _cursor.Line;
        _cursor.Read();
        var closed = false;
        while (_cursor.Peek() >= 0)
        {
            var c = _cursor.Read();
            if (c == '"')
            {
                if (_cursor.Peek() == '"')
                {
                    _field.Append('"');
                    _cursor.Read();
                    continue;
                }

                closed = true;
                break;
            }

            // A CRLF inside a quoted field is kept as LF so that values do not depend on the writer's platform.
            if (c != '\r' || _cursor.Peek() != '\n')
            {
                _field.Append(c);
            }
        }

        if (!closed)
        {
            throw new PostDataException(
                $"'{_path}' line {quoteLine}: the quoted value in field {fieldNumber} is never closed. Add the closing '\"', and write a quote inside a quoted value as '\"\"'.");
        }

        var next = _cursor.Peek();
        if (next < 0 || next == _separator || next == '\n' || next == '\r')
        {
            return;
        }

        if (_cursor.Line != quoteLine)
        {
            // The quote that "closes" a value opened lines earlier is usually the opening quote of a later value.
            throw new PostDataException(
                $"'{_path}' line {quoteLine}: the quoted value in field {fieldNumber} opened on this line is not closed before the end of its row: " +
                $"the next quote is on line {_cursor.Line}, followed by '{(char)next}'. Add the closing '\"' on line {quoteLine}, and write a quote inside a quoted value as '\"\"'.");
        }

        throw new PostDataException(
            $"'{_path}' line {_cursor.Line}: unexpected character '{(char)next}' after the closing quote of field {fieldNumber}. Write a quote inside a quoted value as '\"\"', or quote the whole value.");
    }

    private void ValidateHeader(List<string> header, int headerLine)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            header[i] = header[i].Trim();
            if (header[i].Length == 0)
            {
                throw new PostDataException($"'{_path}' line {headerLine}: header column {i + 1} has no name. Give every column a unique name.");
            }

            if (!seen.TryAdd(header[i], i + 1))
            {
                throw new PostDataException(
                    $"'{_path}' line {headerLine}: the column name '{header[i]}' appears twice (columns {seen[header[i]]} and {i + 1}). Column names must be unique; rename one.");
            }
        }
    }

    /// <summary>A header read as one column that holds another common separator was written with that separator.</summary>
    private void CheckSeparator(List<string> header, int headerLine)
    {
        if (header.Count != 1)
        {
            return;
        }

        var likely = new[] { '\t', ',', ';', '|' }.Where(c => c != _separator).FirstOrDefault(c => header[0].Contains(c, StringComparison.Ordinal));
        if (likely == default(char))
        {
            return;
        }

        string Name(char c) => c == '\t' ? "tab" : $"'{c}'";
        var extension = likely switch { '\t' => ".tsv", ',' => ".csv", _ => null };
        var fix = extension is null
            ? $"Save it with {Name(_separator)} between values"
            : $"Rename it to {extension} (or set PostLoadOptions.Format), or save it with {Name(_separator)} between values";
        throw new PostDataException(
            $"'{_path}' line {headerLine}: the header was read as one column '{header[0]}', split by {Name(_separator)}, but it holds {Name(likely)}: " +
            $"the file is probably {Name(likely)}-separated. {fix}.");
    }
}
