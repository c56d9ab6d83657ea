using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
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
        var (data, test, outputFile) = (inputs.Data, inputs.Test, inputs.Request.Output);
        var options = inputs.SearchOptions();
        var mlContext = new MLContext(inputs.Request.Training.Seed);
        AnsiConsole.MarkupLineInterpolated($"AutoML search ({options.Budget.Tuner}, {Budget(options)}, seed {options.Seed}) …");
        var result = Search(mlContext, data, options, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        LeaderboardView.Write(result.Search, top: 10);
        EnsembleConsole.Print(result.Ensemble);
        var training = result.Training;
        var metrics = training.Metrics;
        var evaluation = training.EvaluationDescription;
        if (test is not null)
        {
            metrics = EvaluateOnTest(mlContext, training, test);
            evaluation = $"separate test set ({test.RowCount:N0} rows)";
        }

        var manifest = training.ToManifest(data, result.TrainingOptions) with
        {
            Search = result.Summary,
            Ensemble = result.Ensemble,
            Metrics = metrics,
            Evaluation = evaluation,
        };
        ModelPackage.Save(mlContext, outputFile.FullName, training.Model, data.DataView.Schema, manifest);
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

    /// <summary>The library call: search, then refit the winner on all rows.</summary>
    private static AutoMLResult Search(MLContext mlContext, PostDataset data, AutoMLExperimentOptions options, CancellationToken cancellationToken) =>
        new AutoMLExperiment(mlContext, options).Run(data, ConsoleProgress.ForSearch(options), cancellationToken);

    /// <summary>The winner's metrics on <c>--test-dataset</c>, which replace the search's own evaluation.</summary>
    private static EvaluationMetrics EvaluateOnTest(MLContext mlContext, TrainingResult training, PostDataset test) =>
        new CrossModalTrainer(mlContext).Evaluate(training.Model, test, training.DecisionThreshold?.Threshold);
}
