using System.Text.Json;

namespace CrossModalML.Prediction;

/// <summary>Reads a post given as a JSON object into one text cell per scoring column.</summary>
internal static class JsonPostReader
{
    /// <summary>Maps the object's keys to columns (exact name first, then ignoring case).</summary>
    /// <returns>One cell per column, <see langword="null"/> where the key is absent or null.</returns>
    /// <exception cref="ArgumentException">The JSON is not an object, names a column the model does not have, repeats a
    /// column, or holds a nested array or object.</exception>
    public static string?[] Read(JsonElement post, IReadOnlyList<ScoringColumn> columns, Func<string, ScoringColumn?> find)
    {
        if (post.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A post must be a JSON object of column name to value, not a JSON {post.ValueKind.ToString().ToLowerInvariant()}.", nameof(post));
        }

        var cells = new string?[columns.Count];
        var seen = new bool[columns.Count];
        foreach (var property in post.EnumerateObject())
        {
            if (find(property.Name) is not { } column)
            {
                throw new ArgumentException(
                    $"Unknown column '{property.Name}'. The model's input columns are: {string.Join(", ", columns.Select(c => $"'{c.Name}'"))}.", nameof(post));
            }

            if (seen[column.Index])
            {
                throw new ArgumentException($"Column '{column.Name}' is given twice (as '{property.Name}' and another spelling); give it once.", nameof(post));
            }

            seen[column.Index] = true;
            cells[column.Index] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => throw new ArgumentException(
                    $"Column '{column.Name}' holds a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}; values must be strings, numbers, booleans or null.", nameof(post)),
            };
        }

        return cells;
    }
}
