using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary>Prints warnings that a library result carries, one line each, the same way in every command.</summary>
internal static class WarningLines
{
    public static void Print(IEnumerable<string>? warnings)
    {
        foreach (var warning in (warnings ?? []).Distinct(StringComparer.Ordinal))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }
}
