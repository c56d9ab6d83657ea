using System.Text;

namespace CrossModalML.Data;

/// <summary>Reads a post file one character at a time with one character of look-ahead, counting lines as it goes.</summary>
/// <remarks>Only '\n' ends a line, so a CR stays part of the text and the readers decide what it means. A NUL character
/// is refused as soon as it is read from disk (binary files hold them, text files never do). The lines on which the
/// decoder met bytes that are not UTF-8 are remembered until <see cref="TakeReplacementLines"/>. Not thread-safe.</remarks>
internal sealed class PostTextCursor : IDisposable
{
    // Invalid UTF-8 becomes U+FFFD instead of failing: scraped tweets often carry a stray byte, and one bad character
    // should not cost the whole file; the load report warns with the lines. A byte order mark is recognised and dropped.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly string _path;
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly List<int> _replacementLines = [];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _endOfFile;

    private PostTextCursor(string path, TextReader reader)
    {
        _path = path;
        _reader = reader;
    }

    /// <summary>The 1-based line of the next character.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Opens a file as UTF-8 (a UTF-16 or UTF-32 byte order mark is honoured).</summary>
    public static PostTextCursor Open(string fullPath) =>
        new(fullPath, new StreamReader(fullPath, Utf8, detectEncodingFromByteOrderMarks: true));

    /// <summary>The next character (<paramref name="ahead"/> 0) or the one after it (1), or -1 past the end.</summary>
    public int Peek(int ahead = 0)
    {
        if (_start + ahead >= _end)
        {
            Fill();
        }

        return _start + ahead < _end ? _buffer[_start + ahead] : -1;
    }

    /// <summary>Consumes the next character; call only when <see cref="Peek"/> is not -1.</summary>
    public char Read()
    {
        if (_start >= _end)
        {
            Fill();
        }

        var c = _buffer[_start++];
        if (c == '\n')
        {
            Line++;
        }
        else if (c == '\uFFFD' && (_replacementLines.Count == 0 || _replacementLines[^1] != Line))
        {
            _replacementLines.Add(Line);
        }

        return c;
    }

    /// <summary>Consumes the rest of the line and its '\n', returning the line without the '\n'.</summary>
    public string ReadLine()
    {
        _line.Clear();
        while (Peek() is var c && c >= 0)
        {
            Read();
            if (c == '\n')
            {
                break;
            }

            _line.Append((char)c);
        }

        return _line.ToString();
    }

    /// <summary>Whether everything left is white space; consumes it up to the first character that is not.</summary>
    public bool RestIsWhiteSpace()
    {
        while (Peek() is var c && c >= 0)
        {
            if (!char.IsWhiteSpace((char)c))
            {
                return false;
            }

            Read();
        }

        return true;
    }

    /// <summary>The lines, ascending, that held bytes that are not UTF-8 among those read since the last call.</summary>
    public IReadOnlyList<int> TakeReplacementLines()
    {
        var lines = _replacementLines.ToArray();
        _replacementLines.Clear();
        return lines;
    }

    public void Dispose() => _reader.Dispose();

    private void Fill()
    {
        if (_endOfFile)
        {
            return;
        }

        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        // Keep at least two characters buffered (when the file has them), so that Peek(1) sees past a buffer's edge.
        while (_end < 2 && !_endOfFile)
        {
            var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfFile = true;
                break;
            }

            RequireText(_end, read);
            _end += read;
        }
    }

    /// <summary>A NUL character never occurs in a text file; it means an image, a zip or another binary file was given.</summary>
    private void RequireText(int from, int count)
    {
        var nul = _buffer.AsSpan(from, count).IndexOf('\0');
        if (nul < 0)
        {
            return;
        }

        var line = Line + _buffer.AsSpan(_start, from + nul - _start).Count('\n');
        throw new PostDataException(
            $"'{_path}' is not a text file: line {line} holds a NUL byte, as binary files (images, zips, spreadsheets) do. Post files are UTF-8 TSV, CSV or JSON Lines.");
    }
}
