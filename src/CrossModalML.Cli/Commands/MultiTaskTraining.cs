using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;
using Spectre.Console;
using CrossModalML.MultiTask;

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
        var result = new MultiTaskTrainer(mlContext).Train(data, options, ConsoleOutput.TrainingProgress(), TrialLines(options), cancellationToken);
        if (result.RowsWithoutEveryLabel > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Note:[/] {result.RowsWithoutEveryLabel:N0} rows lacked one of the labels and were left out.");
        }

        var manifest = result.ToManifest(options);
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
        var compared = result.Tasks.Where(t => t.Metrics is not null && t.SeparateMetrics is not null).ToList();
        if (compared.Count == 0)
        {
            return;
        }

        var table = new ResponsiveTable().Column("task").Column("metric")
            .Column("multi-task", rightAligned: true).Column("separate", rightAligned: true)
            .Column("difference", rightAligned: true).Column("why");
        foreach (var task in compared)
        {
            double multi = task.Metrics!.Primary, separate = task.SeparateMetrics!.Primary;
            table.Row(
                task.Name + (task.IsMain ? " (main)" : string.Empty),
                task.Task == TaskKind.Regression ? "RMSE" : "macro-F1",
                F(multi),
                F(separate),
                (multi - separate).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
                Why(task));
        }

        AnsiConsole.MarkupLine("[bold]Multi-task vs separate single-task models on the same split:[/]");
        table.Write();
        if (compared.All(IdenticalByConstruction))
        {
            ConsoleText.Line(
                $"Every head reads only the shared features with its separate model's trainer, so each is that model by construction: " +
                $"the multi-task model here saves featurization ({result.SharedFeaturizerFits} featurizer fits for {result.Tasks.Count} tasks), not quality. " +
                "Stacking (--stacking on) or a search per head (--time/--max-trials) can make the heads differ.");
        }
    }

    /// <summary>A head that reads no other task's predictions and was given its trainer (no search) is fitted exactly as the separate model is.</summary>
    private static bool IdenticalByConstruction(TaskResult task) => task.StackedInputs.Count == 0 && task.Search is null;

    private static string Why(TaskResult task)
    {
        if (IdenticalByConstruction(task))
        {
            return "identical by construction: same features and trainer";
        }

        var reads = task.StackedInputs.Count > 0 ? $"also reads {string.Join(", ", task.StackedInputs)} predictions" : "own search on shared features";
        var outcome = task.VersusSeparate switch
        {
            "better" => "better",
            "worse" => "worse",
            _ => "within 0.0005",
        };
        var trainers = task.SeparateTrainer is { } separate && separate.Name != task.Trainer.Name ? $"; separate: {separate.Name}" : string.Empty;
        return $"{outcome}: {reads}, {task.Trainer.Name}{trainers}";
    }

    private static string Budget(AutoMLExperimentOptions search) => string.Join(", ", new[]
    {
        search.Budget.Time is { } t ? $"{t.TotalSeconds:0} s" : null,
        search.Budget.MaxTrials is { } n ? $"{n} trials" : null,
    }.OfType<string>());

    private static ConsoleProgress? TrialLines(MultiTaskOptions options) => options.Search is { } search ? ConsoleProgress.ForSearch(search, indent: "  ") : null;

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
