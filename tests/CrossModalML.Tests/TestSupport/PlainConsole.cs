using CrossModalML.Cli.Rendering;
using Spectre.Console;

namespace CrossModalML.Tests.TestSupport;

/// <summary>A Spectre console that writes plain text (no colour, no ANSI codes, not interactive) at a fixed width, as the
/// CLI's output looks when piped into a file.</summary>
internal static class PlainConsole
{
    /// <summary>A plain console writing to <paramref name="output"/>.</summary>
    public static IAnsiConsole Create(TextWriter output, int width) => CliConsole.Plain(output, width);

    /// <summary>What <paramref name="write"/> prints through the global <see cref="AnsiConsole"/>, which is a plain console
    /// of <paramref name="width"/> columns meanwhile. Callers that use it must not run in parallel.</summary>
    public static string Capture(Action write, int width = 200)
    {
        var output = new StringWriter();
        var original = AnsiConsole.Console;
        AnsiConsole.Console = Create(output, width);
        try
        {
            write();
        }
        finally
        {
            AnsiConsole.Console = original;
        }

        return output.ToString();
    }
}
