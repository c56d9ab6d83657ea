using System.Globalization;
using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>The one configured console every command writes to: its width, colours and interactivity.</summary>
/// <remarks>
/// <see cref="Configure"/> builds an <see cref="IAnsiConsole"/> over the current <see cref="Console.Out"/> and installs it as
/// <see cref="AnsiConsole.Console"/>, so all output of a run goes through it. When standard output is not a terminal
/// (a pipe, a log file, a test) the console writes plain text: no colour codes, no cursor movement, no live display.
/// Not thread-safe: configure once per run, before any output.
/// </remarks>
internal static class CliConsole
{
    /// <summary>The width used when neither <c>--width</c>, <c>COLUMNS</c> nor a terminal gives one.</summary>
    public const int DefaultWidth = 80;

    /// <summary>The narrowest width output is laid out for; narrower requests are raised to it.</summary>
    public const int MinimumWidth = 40;

    /// <summary>Whether the configured console drives a terminal (live progress) rather than a pipe or a log.</summary>
    public static bool IsInteractive { get; private set; }

    /// <summary>The configured console (the same object as <see cref="AnsiConsole.Console"/> after <see cref="Configure"/>).</summary>
    public static IAnsiConsole Current => AnsiConsole.Console;

    /// <summary>The width output is laid out for, in character cells.</summary>
    public static int Width => Current.Profile.Width;

    /// <summary>Builds the console for this run and makes it the one <see cref="AnsiConsole"/> writes to.</summary>
    /// <param name="widthFlag">The value of <c>--width</c>, when given.</param>
    public static void Configure(int? widthFlag)
    {
        bool terminal = !Console.IsOutputRedirected;
        int? terminalWidth = null;
        if (terminal)
        {
            try
            {
                terminalWidth = Console.WindowWidth;
            }
            catch (IOException)
            {
                terminal = false;
            }
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = ResolveWidth(widthFlag, Environment.GetEnvironmentVariable("COLUMNS"), terminalWidth);
        IsInteractive = terminal && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
        AnsiConsole.Console = console;
    }

    /// <summary>A console that writes plain text to <paramref name="output"/> at <paramref name="width"/> columns: no colour,
    /// no ANSI codes, not interactive, as output looks in a pipe or a log.</summary>
    public static IAnsiConsole Plain(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>The layout width: <c>--width</c>, else <c>COLUMNS</c>, else the terminal's width, else <see cref="DefaultWidth"/>.</summary>
    /// <param name="widthFlag">The value of <c>--width</c>, when given.</param>
    /// <param name="columnsVariable">The <c>COLUMNS</c> environment variable, when set; ignored when it is not a positive whole number.</param>
    /// <param name="terminalWidth">The terminal's width when standard output is a terminal.</param>
    /// <exception cref="ArgumentException"><paramref name="widthFlag"/> is less than <see cref="MinimumWidth"/>.</exception>
    public static int ResolveWidth(int? widthFlag, string? columnsVariable, int? terminalWidth)
    {
        if (widthFlag is { } flag)
        {
            return flag >= MinimumWidth
                ? flag
                : throw new ArgumentException($"--width must be at least {MinimumWidth} columns, got {flag}.");
        }

        if (int.TryParse(columnsVariable, NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns > 0)
        {
            return Math.Max(columns, MinimumWidth);
        }

        return terminalWidth is > 0 and { } width ? Math.Max(width, MinimumWidth) : DefaultWidth;
    }
}
