using System.Globalization;
using CrossModalML.Packaging;
using Spectre.Console;
using CrossModalML.Retraining;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>How <c>crossmodal retrain</c> reports the comparison of the old and new model and what it saved.</summary>
internal static class RetrainOutput
{
    /// <summary>Prints old and new metrics on the hold-out, the verdict, warnings and what was saved to <paramref name="output"/>.</summary>
    public static void Comparison(RetrainingResult result, string output)
    {
        var fittedOn = result.OldRowsAdded > 0 ? $"the other new posts and {result.OldRowsAdded:N0} old posts" : "the other new posts";
        ConsoleOutput.Metrics(result.OldMetrics, $"Old model on the hold-out ({result.HoldOutRows:N0} new posts):");
        ConsoleOutput.Metrics(result.NewMetrics, $"New model on the same hold-out (fitted on {fittedOn}):");
        var name = result.OldMetrics.Task == Data.TaskKind.Regression ? "RMSE" : "macro-F1";
        var verdict = result.Improved ? "[green]better[/]" : result.Worsened ? "[red]worse[/]" : "[yellow]no change[/]";
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: old {result.OldMetrics.Primary:0.0000}, new {result.NewMetrics.Primary:0.0000}, change {result.PrimaryChange:+0.0000;-0.0000;0.0000} ({verdict})"));
        WarningLines.Print(result.Warnings);
        if (result.KeptOldModel)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[bold yellow]Kept the old model (--keep-better):[/] the new model is worse on the hold-out, so [bold]{output}[/] is a copy of the old model and no new model was saved.");
            return;
        }

        var rows = result.OldRowsAdded > 0 ? $"all {result.TrainingRows - result.OldRowsAdded:N0} new and {result.OldRowsAdded:N0} old posts" : $"all {result.TrainingRows:N0} new posts";
        AnsiConsole.MarkupLineInterpolated($"New model (refit on {rows}) saved to [bold]{output}[/]; the old model is unchanged.");
    }
}
