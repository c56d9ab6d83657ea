using CrossModalML.Cli.Rendering;
using CrossModalML.Packaging;
using CrossModalML.Training;
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
        var mlContext = new MLContext(options.Seed);
        var result = Fit(mlContext, inputs, cancellationToken);
        var manifest = result.ToManifest(data, options);
        ModelPackage.Save(mlContext, outputFile.FullName, result.Model, data.DataView.Schema, manifest);

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
    private static TrainingResult Fit(MLContext mlContext, TrainInputs inputs, CancellationToken cancellationToken) =>
        new CrossModalTrainer(mlContext).Train(inputs.Data, inputs.Request.Training, inputs.Test, new ConsoleProgress(), cancellationToken);
}
