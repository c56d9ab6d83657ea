using System.Globalization;

namespace CrossModalML.Cli.Commands;

/// <summary>Range checks of numeric flags, run before any file is read, with messages that name the flag.</summary>
internal static class OptionChecks
{
    /// <summary>A number of seconds (or another amount) that must be positive and finite when given.</summary>
    public static void Positive(double? value, string flag)
    {
        if (value is { } v && !(double.IsFinite(v) && v > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be positive, got {v}."));
        }
    }

    /// <summary>A share strictly between 0 and 1.</summary>
    public static void Fraction(double value, string flag)
    {
        if (!(value is > 0 and < 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be between 0 and 1 (exclusive), e.g. 0.2; got {value}."));
        }
    }

    /// <summary>A count that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static void Between(int value, int minimum, int maximum, string flag)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be between {minimum} and {maximum}, got {value}."));
        }
    }

    /// <summary>A count that must be at least <paramref name="minimum"/> when given.</summary>
    public static void AtLeast(int? value, int minimum, string flag)
    {
        if (value is { } v && v < minimum)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be at least {minimum}, got {v}."));
        }
    }
}
