using CrossModalML.Cli.Rendering;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The multi-task path of <c>crossmodal train</c> (<c>--label a,b,c</c>): train, compare with separate models, save, print.</summary>
internal static class MultiTaskHandler
{
    /// <summary>Trains every head, compares each with a separate model, saves and prints; returns the report for <c>--report</c>.</summary>
    public static MultiTaskReport Run(TrainInputs inputs, CancellationToken cancellationToken)
    {
        var (data, outputFile) = (inputs.Data, inputs.Request.Output);
        var options = Options(inputs);
        var catalog = new MLContext(seed: inputs.Request.Training.Seed).CrossModal();
        var heads = options.Search is null
            ? (options.Trainer?.Name ?? "default trainers")
            : $"AutoML search per head ({SearchHandler.Budget(options.Search)})";
        var restricted = options.HeadModalities.Count == 0 ? string.Empty
            : $", heads on {string.Join(", ", options.HeadModalities.Select(h => $"{h.Key}={ModalityNames.Of(h.Value)}"))} (the other heads on every modality)";
        AnsiConsole.MarkupLineInterpolated(
            $"Multi-task: [bold]{string.Join(", ", options.Labels)}[/] (main task '{options.ResolveMainTask()}'), one shared featurization, {heads}, stacking {options.Stacking.ToString().ToLowerInvariant()}{restricted}");
        using var model = FitMultiTask(catalog, inputs, options, cancellationToken);
        var (result, manifest) = (model.MultiTaskResult!, model.Manifest);
        if (result.RowsWithoutEveryLabel > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Note:[/] {result.RowsWithoutEveryLabel:N0} rows lacked one of the labels and were left out.");
        }

        model.Save(outputFile.FullName);

        foreach (var task in result.Tasks.Where(t => t.Metrics is not null))
        {
            ConsoleOutput.Metrics(task.Metrics!, $"{task.Name}{(task.IsMain ? " (main)" : string.Empty)}: {task.Trainer}, {result.EvaluationDescription}:");
        }

        MultiTaskComparison.Print(result);
        // Interpolated markup would escape the colour tag itself; only the reason is the library's text.
        AnsiConsole.MarkupLine($"Stacking {(result.Stacking.Used ? "[green]used[/]" : "not used")}: {Markup.Escape(result.Stacking.Reason)}.");
        AnsiConsole.MarkupLineInterpolated(
            $"Model saved to [bold]{outputFile.FullName}[/] ({result.Tasks.Count} tasks, featurizer fitted {result.SharedFeaturizerFits} times in all, {result.Duration.TotalSeconds:0.0} s).");
        return new MultiTaskReport(
            MainTask: result.MainTask,
            Labels: options.Labels,
            Evaluation: result.EvaluationDescription,
            Tasks: result.Tasks.Select(MultiTaskTaskReport.From).ToList(),
            Stacking: result.Stacking,
            SharedFeaturizerFits: result.SharedFeaturizerFits,
            RowsWithoutEveryLabel: result.RowsWithoutEveryLabel,
            Data: manifest.Data,
            Loading: data.Report,
            Model: outputFile.FullName,
            DurationSeconds: result.Duration.TotalSeconds);
    }

    /// <summary>The multi-task options the request describes; each head searches when the run searches. The seed is
    /// the context's (the catalog writes it into the options).</summary>
    private static MultiTaskOptions Options(TrainInputs inputs)
    {
        var request = inputs.Request;
        return new MultiTaskOptions
        {
            Labels = request.Labels,
            MainTask = request.MainTask,
            Trainer = request.TrainerName is { } headTrainer ? new TrainerSpec(headTrainer) : null,
            ClassWeighting = request.ClassWeighting,
            Featurizer = request.Featurizer,
            Evaluation = request.Training.Evaluation,
            Stacking = request.Stacking,
            HeadModalities = request.HeadModalities,
            OutOfFoldFolds = request.Training.StackingFolds,
            Search = inputs.Searching ? inputs.SearchOptions() : null,
        };
    }

    /// <summary>The library call: one shared featurization, a head per task, separate models to compare with; the
    /// heads' search trials are indented under the run's steps.</summary>
    private static CrossModalModel FitMultiTask(CrossModalCatalog catalog, TrainInputs inputs, MultiTaskOptions options, CancellationToken cancellationToken) =>
        catalog.FitMultiTask(inputs.Data, options, CatalogProgress.ForStepsAndTrials(options.Search?.Budget, indent: "  "), cancellationToken);
}
