using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Packaging;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>Runs <c>crossmodal retrain</c>: refit (or search) on the new posts, compare old and new, print and report.</summary>
internal static class RetrainHandler
{
    /// <summary>Retrains, compares old and new, and prints; returns the report for <c>--report</c>.</summary>
    public static RetrainReport Run(RetrainRequest request, CancellationToken cancellationToken)
    {
        using var model = Retrain(request, cancellationToken);
        model.Save(request.Output.FullName);
        var (result, output) = (model.RetrainingResult!, request.Output.FullName);
        if (result.Search is { } trials)
        {
            LeaderboardView.Write(trials, top: 10);
            AnsiConsole.MarkupLineInterpolated(
                $"Search stopped ({trials.StopReason}) after {trials.Trials.Count} trials in {trials.Elapsed.TotalSeconds:0.0} s; winner: {result.Manifest.Trainer}.");
        }

        RetrainOutput.Comparison(result, output);
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
            Model: output);
    }

    /// <summary>The library call, seeded once: <c>--seed</c>, else the old model's seed (as the retrainer's own default).</summary>
    private static CrossModalModel Retrain(RetrainRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var seed = options.Seed ?? ModelPackage.ReadManifest(request.Model.FullName).Seed;
        var progress = CatalogProgress.ForStepsAndTrials(options.Search?.Budget);
        return new MLContext(seed: seed).CrossModal().Retrain(request.Model.FullName, request.Dataset.FullName, options, progress, cancellationToken);
    }
}
