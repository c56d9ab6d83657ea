using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The search path of <c>crossmodal train</c> (<c>--time</c>, <c>--max-trials</c> or a preset that searches):
/// run the AutoML search, refit the winner, save it, print the leaderboard and the winner's metrics.</summary>
internal static class SearchHandler
{
    /// <summary>Searches, refits the winner, saves and prints; returns the report for <c>--report</c>.</summary>
    public static SearchReport Run(TrainInputs inputs, CancellationToken cancellationToken)
    {
        var (data, outputFile) = (inputs.Data, inputs.Request.Output);
        var options = inputs.SearchOptions();
        var catalog = new MLContext(seed: inputs.Request.Training.Seed).CrossModal();
        AnsiConsole.MarkupLineInterpolated($"AutoML search ({options.Budget.Tuner}, {Budget(options)}, seed {catalog.Seed}) …");
        using var model = Search(catalog, inputs, options, cancellationToken);
        var result = model.SearchResult!;
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        LeaderboardView.Write(result.Search, top: 10);
        EnsembleConsole.Print(result.Ensemble);
        var training = result.Training;

        // With --test-dataset the catalog records the winner's metrics on it in place of the search's own evaluation.
        var manifest = model.Manifest;
        var (metrics, evaluation) = (manifest.Metrics, manifest.Evaluation);
        model.Save(outputFile.FullName);
        if (metrics is not null)
        {
            ConsoleOutput.Metrics(metrics, $"{training.Trainer}, {evaluation}:");
        }

        ConsoleOutput.Fusion(training.Fusion, training.DecisionThreshold);

        AnsiConsole.MarkupLineInterpolated(
            $"Search stopped ({result.Search.StopReason}) after {result.Search.Trials.Count} trials in {result.Search.Elapsed.TotalSeconds:0.0} s; winner refit on all {training.TrainingRows:N0} rows.");
        AnsiConsole.MarkupLineInterpolated($"Model saved to [bold]{outputFile.FullName}[/] ({training.Duration.TotalSeconds:0.0} s).");
        return new SearchReport(
            Task: training.Task,
            Label: data.LabelColumn,
            ClassLabels: data.ClassLabels,
            Trainer: training.Trainer,
            Evaluation: evaluation,
            Metrics: metrics,
            Best: result.Summary,
            Ensemble: result.Ensemble,
            Fusion: ReportedFusion.Of(manifest),
            DecisionThreshold: manifest.DecisionThreshold,
            Leaderboard: result.Search.Leaderboard.Select(LeaderboardEntry.From).ToList(),
            Data: manifest.Data,
            Loading: data.Report,
            Model: outputFile.FullName,
            DurationSeconds: training.Duration.TotalSeconds);
    }

    /// <summary>The search's budget as the start line shows it: seconds, trials or both.</summary>
    internal static string Budget(AutoMLExperimentOptions options) => string.Join(", ", new[]
    {
        options.Budget.Time is { } t ? $"{t.TotalSeconds:0} s" : null,
        options.Budget.MaxTrials is { } n ? $"{n} trials" : null,
    }.OfType<string>());

    /// <summary>The library call: search, then refit the winner on all rows (and evaluate it on <c>--test-dataset</c>).</summary>
    private static CrossModalModel Search(CrossModalCatalog catalog, TrainInputs inputs, AutoMLExperimentOptions options, CancellationToken cancellationToken) => inputs.Test is { } test
        ? catalog.Search(inputs.Data, test, options.Budget, options, CatalogProgress.ForSearch(options.Budget), cancellationToken)
        : catalog.Search(inputs.Data, options.Budget, options, CatalogProgress.ForSearch(options.Budget), cancellationToken);
}
