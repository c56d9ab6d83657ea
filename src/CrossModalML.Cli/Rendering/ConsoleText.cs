using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>Plain lines and notes written through the configured console, wrapped between words at its width.</summary>
internal static class ConsoleText
{
    /// <summary>Writes <paramref name="text"/> wrapped between words; continuation lines start with <paramref name="continuation"/>.</summary>
    public static void Line(string text, string continuation = "  ")
    {
        foreach (var line in ResponsiveTable.Wrap(text, CliConsole.Width, continuation))
        {
            CliConsole.Current.WriteLine(line);
        }
    }

    /// <summary>A formatted number for tables: four decimals, invariant culture, a dash when absent.</summary>
    public static string F(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
