using CrossModalML.Data;

namespace CrossModalML.Prediction;

/// <summary>Writes one post's values, given as text, into a scoring row, typing them by role exactly as a file load
/// does: numbers in invariant culture (anything else is missing), text kept as given, other roles trimmed, images
/// resolved and checked.</summary>
internal static class PostCellWriter
{
    public static void Write(ScoringInputRow row, ScoringColumn column, string? value, ImagePathPolicy images)
    {
        switch (column.Role)
        {
            case ColumnRole.Numeric:
                var trimmed = value?.Trim() ?? string.Empty;
                row.SetNumber(column.Index, trimmed.Length > 0 && CellValues.TryParseNumber(trimmed, out var number) ? (float)number : float.NaN);
                break;
            case ColumnRole.Text:
                row.SetText(column.Index, value ?? string.Empty);
                break;
            case ColumnRole.Image:
                var resolved = images.Resolve(column.Name, value);
                row.SetText(column.Index, resolved);
                if (resolved.Length == 0 && !string.IsNullOrWhiteSpace(value))
                {
                    row.ImageWarnings.Add($"image '{value.Trim()}' in column '{column.Name}' is missing or unreadable: scored without the image");
                }

                break;
            default:
                row.SetText(column.Index, value?.Trim() ?? string.Empty);
                break;
        }
    }
}
