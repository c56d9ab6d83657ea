using System.Text.Json.Nodes;
using CrossModalML.Data;
using CrossModalML.Packaging;

namespace WebApiScoring;

/// <summary>Turns images sent inline as <c>{"base64": "..."}</c> into temporary files the model can read, and deletes them.</summary>
/// <remarks>Files go to a directory inside the allowed image root, so the predictor's root check admits them and
/// nothing else. One instance serves one request; not thread-safe.</remarks>
internal sealed class UploadedImages : IDisposable
{
    private readonly string _directory;
    private readonly List<string> _files = [];

    public UploadedImages(string directory) => _directory = directory;

    /// <summary>Replaces every inline image of <paramref name="post"/> with the path of a temporary file.</summary>
    /// <exception cref="ArgumentException">The post is not an object, or an inline image is not valid base64.</exception>
    public JsonObject Materialize(JsonNode? post, ModelManifest manifest)
    {
        if (post is not JsonObject body)
        {
            throw new ArgumentException("A post must be a JSON object of column name to value, such as {\"text\": \"...\"}.");
        }

        foreach (var column in manifest.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            var key = body.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, column.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null || body[key] is not JsonObject inline)
            {
                continue;
            }

            if (inline["base64"] is not JsonValue encoded || !encoded.TryGetValue<string>(out var text))
            {
                throw new ArgumentException($"Image column '{column.Name}' holds an object; it must be {{\"base64\": \"<image bytes>\"}} or a path.");
            }

            var bytes = new byte[text.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(text, bytes, out var length) || length == 0)
            {
                throw new ArgumentException($"Image column '{column.Name}': the base64 text is not valid base64 or is empty.");
            }

            var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".img");
            File.WriteAllBytes(path, bytes.AsSpan(0, length).ToArray());
            _files.Add(path);
            body[key] = path;
        }

        return body;
    }

    /// <summary>Replaces the temporary path of every uploaded image in <paramref name="message"/> by words the caller
    /// understands, since the caller never saw that path.</summary>
    public string Redact(string message)
    {
        foreach (var file in _files)
        {
            message = message.Replace(file, "(uploaded image)", StringComparison.Ordinal);
        }

        return message;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
