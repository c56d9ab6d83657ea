using System.Text.Json;

namespace CrossModalML.Data;

/// <summary>Reads JSON Lines rows: one flat JSON object per line, whose keys name the columns.</summary>
internal sealed class JsonLinesRecordReader : IPostRecordReader
{
    private readonly string _path;
    private readonly PostTextCursor _cursor;

    public JsonLinesRecordReader(string path, PostTextCursor cursor)
    {
        _path = path;
        _cursor = cursor;
    }

    /// <summary>Always false: every line names its own columns.</summary>
    public bool HasHeader => false;

    public PostRecord? ReadRecord()
    {
        while (_cursor.Peek() >= 0)
        {
            var lineNumber = _cursor.Line;
            var line = _cursor.ReadLine().TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line))
            {
                return Parse(lineNumber, line);
            }
        }

        return null;
    }

    private PostRecord Parse(int lineNumber, string line)
    {
        var keys = new List<string>();
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var document = ParseJson(lineNumber, line);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new PostDataException(
                $"'{_path}' line {lineNumber} holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, but JSON Lines post files need one object per line, such as {{\"text\": \"...\", \"label\": \"...\"}}.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            var key = property.Name.Trim();
            if (key.Length == 0)
            {
                throw new PostDataException($"'{_path}' line {lineNumber} has a key that is empty; every key names a column.");
            }

            var value = ValueAsText(lineNumber, key, property.Value);
            if (!seen.Add(key))
            {
                throw new PostDataException($"'{_path}' line {lineNumber} has the key '{key}' twice; keep one.");
            }

            keys.Add(key);
            values.Add(value);
        }

        return new PostRecord(lineNumber, keys, [.. values]);
    }

    private JsonDocument ParseJson(int lineNumber, string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new PostDataException($"'{_path}' line {lineNumber} is not valid JSON ({exception.Message}). Each line must be one complete JSON object.", exception);
        }
    }

    private string ValueAsText(int lineNumber, string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => throw new PostDataException(
            $"'{_path}' line {lineNumber}, key '{key}': the value is a nested JSON {value.ValueKind.ToString().ToLowerInvariant()}. Values must be strings, numbers, booleans or null; flatten it into top-level keys (for example '{key}_0' or '{key}_name')."),
    };
}
