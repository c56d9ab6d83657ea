using System.Globalization;

namespace CrossModalML.Featurization.Metadata;

/// <summary>Turns a timestamp into cyclic time-of-day and day-of-week features.</summary>
/// <remarks>
/// Accepts ISO-8601 text (with or without an offset; without one it is taken as UTC) or Unix seconds. Slots: sin and
/// cos of the hour of day (UTC, minutes included), a one-hot day of week (Monday first, 7 slots), and 1 when the
/// value is missing or cannot be parsed (all other slots are then 0).
/// </remarks>
public static class TimeFeatures
{
    /// <summary>Number of values <see cref="Compute"/> writes.</summary>
    public const int Length = 10;

    /// <summary>Parses <paramref name="text"/> as ISO-8601 or Unix seconds.</summary>
    /// <param name="text">The timestamp.</param>
    /// <param name="utc">The time in UTC.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds is < -62135596800 or > 253402300799)
            {
                return false;
            }

            utc = DateTime.UnixEpoch.AddSeconds(seconds);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        return false;
    }

    /// <summary>Fills <paramref name="values"/> with the features of <paramref name="text"/>.</summary>
    /// <param name="text">The timestamp.</param>
    /// <param name="values">At least <see cref="Length"/> values.</param>
    public static void Compute(string? text, Span<float> values)
    {
        values[..Length].Clear();
        if (!TryParse(text, out var utc))
        {
            values[9] = 1;
            return;
        }

        double hour = utc.Hour + utc.Minute / 60.0;
        values[0] = (float)Math.Sin(2 * Math.PI * hour / 24);
        values[1] = (float)Math.Cos(2 * Math.PI * hour / 24);
        int mondayFirst = ((int)utc.DayOfWeek + 6) % 7;
        values[2 + mondayFirst] = 1;
    }
}
