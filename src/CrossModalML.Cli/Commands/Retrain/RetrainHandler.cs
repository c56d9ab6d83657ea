using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Retraining;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>Runs <c>crossmodal retrain</c>: refit (or search) on the new posts, compare old and new, print and report.</summary>
internal static class RetrainHandler
{
    /// <summary>Retrains, compares old and new, and prints; returns the report for <c>--report</c>.</summary>
    public static RetrainReport Run(RetrainRequest request, CancellationToken cancellationToken)
    {
        var result = Retrain(request, cancellationToken);
        if (result.Search is { } trials)
        {
            LeaderboardView.Write(trials, top: 10);
            AnsiConsole.MarkupLineInterpolated(
                $"Search stopped ({trials.StopReason}) after {trials.Trials.Count} trials in {trials.Elapsed.TotalSeconds:0.0} s; winner: {result.Manifest.Trainer}.");
        }

        RetrainOutput.Comparison(result);
        return new RetrainReport(
            Task: result.Manifest.Task,
            Label: result.Manifest.LabelColumn,
            Trainer: result.Manifest.Trainer,
            Search: result.Manifest.Search,
            HoldOutRows: result.HoldOutRows,
            TrainingRows: result.TrainingRows,
            OldMetrics: result.OldMetrics,
            NewMetrics: result.NewMetrics,
            PrimaryMetric: result.OldMetrics.Task == TaskKind.Regression ? "RMSE" : "macro-F1",
            PrimaryChange: result.PrimaryChange,
            Improved: result.Improved,
            KeptOldModel: result.KeptOldModel,
            OldRowsAdded: result.OldRowsAdded,
            Warnings: result.Warnings,
            Model: result.OutputPath);
    }

    /// <summary>The library call; a search reports its trials through the console's progress adapter.</summary>
    private static RetrainingResult Retrain(RetrainRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (options.Search is { } search)
        {
            search.TrialProgress = new ConsoleProgress(search.Budget.MaxTrials, search.Budget.Time);
        }

        return ModelRetrainer.Retrain(request.Model.FullName, request.Dataset.FullName, request.Output.FullName, options, new ConsoleProgress(), cancellationToken);
    }
}
