using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>The live progress area of a terminal: bars with percentage and time elapsed under the command's output; the
/// time left is part of each bar's description, estimated as its lines estimate it (never "0 s" while work remains).</summary>
/// <remarks>
/// <see cref="Run{T}"/> hosts a command's work; while it runs, <see cref="ConsoleProgress"/> adds and advances bars here.
/// Lines written meanwhile appear above the bars. Without a terminal (a pipe, a log, a test) nothing is drawn and the
/// work runs as is, so the log holds only the progress lines. One command at a time.
/// </remarks>
internal static class LiveProgress
{
    private static ProgressContext? _context;

    /// <summary>Runs <paramref name="work"/> under a live progress area when the console is a terminal.</summary>
    public static T Run<T>(Func<T> work)
    {
        if (!CliConsole.IsInteractive)
        {
            return work();
        }

        return CliConsole.Current.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                try
                {
                    return work();
                }
                finally
                {
                    _context = null;
                }
            });
    }

    /// <summary>Whether a live progress area is on screen now.</summary>
    public static bool IsShown => _context is not null;

    /// <summary>A new bar, or <c>null</c> when no live area is shown.</summary>
    public static ProgressTask? AddTask(string description, double maxValue) =>
        _context?.AddTask(Markup.Escape(description), maxValue: maxValue);
}
