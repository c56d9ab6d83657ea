using CrossModalML.Cli.Rendering;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The single-fit path of <c>crossmodal train</c>: fit and evaluate one model, save it, print its metrics.</summary>
internal static class SingleFitHandler
{
    /// <summary>Fits, saves and prints; returns the report for <c>--report</c>.</summary>
    public static SingleFitReport Run(TrainInputs inputs, CancellationToken cancellationToken)
    {
        var (data, options, outputFile) = (inputs.Data, inputs.Request.Training, inputs.Request.Output);
        using var model = Fit(new MLContext(seed: options.Seed).CrossModal(), inputs, cancellationToken);
        var (result, manifest) = (model.TrainingResult!, model.Manifest);
        model.Save(outputFile.FullName);

        if (result.Metrics is { } metrics)
        {
            ConsoleOutput.Metrics(metrics, $"{result.Trainer.Name}, {result.EvaluationDescription}:");
        }

        ConsoleOutput.Fusion(result.Fusion, result.DecisionThreshold);
        if (result.FusionComparison is { } comparison)
        {
            ConsoleOutput.Metrics(comparison.Early, $"For comparison, early fusion on the same test rows ({comparison.Evaluation}):");
            ConsoleOutput.Metrics(comparison.Late, $"For comparison, late fusion on the same test rows ({comparison.Evaluation}):");
        }

        AnsiConsole.MarkupLineInterpolated($"Model saved to [bold]{outputFile.FullName}[/] ({result.Duration.TotalSeconds:0.0} s).");
        return new SingleFitReport(
            Task: result.Task,
            Label: data.LabelColumn,
            ClassLabels: data.ClassLabels,
            Trainer: result.Trainer,
            Evaluation: result.EvaluationDescription,
            Metrics: result.Metrics,
            Folds: result.FoldMetrics,
            Fusion: ReportedFusion.Of(manifest),
            FusionComparison: result.FusionComparison,
            DecisionThreshold: manifest.DecisionThreshold,
            OverSampling: manifest.OverSampling,
            Data: manifest.Data,
            Loading: data.Report,
            Model: outputFile.FullName,
            DurationSeconds: result.Duration.TotalSeconds);
    }

    /// <summary>The library call: one fit, evaluated as the options say (or on the test set).</summary>
    private static CrossModalModel Fit(CrossModalCatalog catalog, TrainInputs inputs, CancellationToken cancellationToken) => inputs.Test is { } test
        ? catalog.Fit(inputs.Data, test, inputs.Request.Training, CatalogProgress.ForSteps(), cancellationToken)
        : catalog.Fit(inputs.Data, inputs.Request.Training, CatalogProgress.ForSteps(), cancellationToken);
}
