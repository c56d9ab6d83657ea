using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Training.MultiTask;
using Microsoft.ML;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary>The multi-task branch of <c>crossmodal train</c> (<c>--label a,b,c</c>): train, compare with separate models, save, report.</summary>
internal static class MultiTaskTraining
{
    public static int Run(
        PostDataset data,
        MultiTaskOptions options,
        FileInfo outputFile,
        FileInfo? reportFile,
        CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(options.Seed);
        var heads = options.Search is null
            ? (options.Trainer?.Name ?? "default trainers")
            : $"AutoML search per head ({Budget(options.Search)})";
        AnsiConsole.MarkupLineInterpolated(
            $"Multi-task: [bold]{string.Join(", ", options.Labels)}[/] (main task '{options.ResolveMainTask()}'), one shared featurization, {heads}, stacking {options.Stacking.ToString().ToLowerInvariant()}");
        var result = new MultiTaskTrainer(mlContext).Train(data, options, ConsoleOutput.TrainingProgress(), TrialLines(), cancellationToken);
        if (result.RowsWithoutEveryLabel > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Note:[/] {result.RowsWithoutEveryLabel:N0} rows lacked one of the labels and were left out.");
        }

        var manifest = ModelManifest.FromMultiTask(result, options);
        ModelPackage.Save(mlContext, outputFile.FullName, result.Model, result.TrainingData.DataView.Schema, manifest);

        foreach (var task in result.Tasks.Where(t => t.Metrics is not null))
        {
            ConsoleOutput.Metrics(task.Metrics!, $"{task.Name}{(task.IsMain ? " (main)" : string.Empty)}: {task.Trainer}, {result.EvaluationDescription}:");
        }

        Comparison(result);
        AnsiConsole.MarkupLineInterpolated($"Stacking {(result.Stacking.Used ? "[green]used[/]" : "not used")}: {result.Stacking.Reason}.");
        AnsiConsole.MarkupLineInterpolated(
            $"Model saved to [bold]{outputFile.FullName}[/] ({result.Tasks.Count} tasks, featurizer fitted {result.SharedFeaturizerFits} times in all, {result.Duration.TotalSeconds:0.0} s).");
        JsonReport.Write(reportFile, new
        {
            mainTask = result.MainTask,
            labels = options.Labels,
            evaluation = result.EvaluationDescription,
            tasks = result.Tasks.Select(t => new
            {
                name = t.Name,
                task = t.Task,
                classLabels = t.ClassLabels,
                main = t.IsMain,
                trainer = t.Trainer,
                stackedInputs = t.StackedInputs,
                metrics = t.Metrics,
                separateTrainer = t.SeparateTrainer,
                separateMetrics = t.SeparateMetrics,
                versusSeparate = t.VersusSeparate,
                multiTaskBeatSeparate = t.BeatSeparate,
                search = t.Search,
            }),
            stacking = result.Stacking,
            sharedFeaturizerFits = result.SharedFeaturizerFits,
            rowsWithoutEveryLabel = result.RowsWithoutEveryLabel,
            data = manifest.Data,
            loading = data.Report,
            model = outputFile.FullName,
            durationSeconds = result.Duration.TotalSeconds,
        });
        return CommandRunner.Success;
    }

    private static void Comparison(MultiTaskResult result)
    {
        if (result.Tasks.All(t => t.SeparateMetrics is null))
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("task").AddColumn("metric")
            .AddColumn(new TableColumn("multi-task").RightAligned()).AddColumn(new TableColumn("separate").RightAligned())
            .AddColumn(new TableColumn("difference").RightAligned()).AddColumn("multi-task vs separate");
        foreach (var task in result.Tasks.Where(t => t.Metrics is not null && t.SeparateMetrics is not null))
        {
            double multi = task.Metrics!.Primary, separate = task.SeparateMetrics!.Primary;
            table.AddRow(
                Markup.Escape(task.Name + (task.IsMain ? " (main)" : string.Empty)),
                task.Task == TaskKind.Regression ? "RMSE" : "macro-F1",
                F(multi),
                F(separate),
                (multi - separate).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
                task.VersusSeparate!);
        }

        AnsiConsole.MarkupLine("[bold]Multi-task vs separate single-task models on the same split:[/]");
        AnsiConsole.Write(table);
    }

    private static string Budget(AutoMLExperimentOptions search) => string.Join(", ", new[]
    {
        search.TimeBudget is { } t ? $"{t.TotalSeconds:0} s" : null,
        search.MaxTrials is { } n ? $"{n} trials" : null,
    }.OfType<string>());

    private static IProgress<TrialResult> TrialLines() => new TrialPrinter(t =>
    {
        if (t.Status == TrialStatus.Running)
        {
            return;
        }

        var score = t.Status == TrialStatus.Completed ? F(t.Score) : t.Message ?? string.Empty;
        AnsiConsole.MarkupLineInterpolated($"[grey]  trial #{t.Number,-3} {t.Configuration.Trainer.Name,-24} {t.Metric} {score}  {t.Duration.TotalSeconds,6:0.0} s  {t.Status}[/]");
    });

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Prints on the calling thread, so trial lines appear in order with other output.</summary>
    private sealed class TrialPrinter(Action<TrialResult> print) : IProgress<TrialResult>
    {
        public void Report(TrialResult value) => print(value);
    }
}
