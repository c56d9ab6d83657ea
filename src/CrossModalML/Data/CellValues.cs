using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossModalML.Data;

/// <summary>How cell text is read as numbers, dates and image paths, shared by inference and typing so they agree.</summary>
internal static partial class CellValues
{
    private static readonly HashSet<string> MissingNumberMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "NaN", "-NaN", "+NaN", "Inf", "+Inf", "-Inf", "Infinity", "+Infinity", "-Infinity", "∞", "+∞", "-∞", "NA", "N/A", "null",
    };

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"];

    /// <summary>An invariant-culture, finite number such as <c>-3</c>, <c>0.5</c> or <c>1e3</c>.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Markers that stand for a missing number: <c>NaN</c>, <c>Inf</c>, <c>Infinity</c> (either sign), <c>∞</c>,
    /// <c>NA</c>, <c>N/A</c> and <c>null</c>, in any case.</summary>
    public static bool IsMissingNumberMarker(string text) => MissingNumberMarkers.Contains(text.Trim());

    /// <summary>An ISO-8601 date or date-time, such as <c>2015-03-19</c> or <c>2015-03-19T08:11:05Z</c>.</summary>
    public static bool IsIsoTimestamp(string text) =>
        IsoTimestampShape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    public static bool HasImageExtension(string text)
    {
        foreach (var extension in ImageExtensions)
        {
            if (text.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestampShape();
}
