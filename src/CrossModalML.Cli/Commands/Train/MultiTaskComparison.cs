using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The table of a multi-task run that sets each head beside its separate single-task model on the same split.</summary>
internal static class MultiTaskComparison
{
    /// <summary>Prints each head against its separate single-task model, with why they differ (or cannot).</summary>
    public static void Print(MultiTaskResult result)
    {
        var compared = result.Tasks.Where(t => t.Metrics is not null && t.SeparateMetrics is not null).ToList();
        if (compared.Count == 0)
        {
            return;
        }

        var every = ModalityNames.Of(result.Featurization.Modalities);
        var table = new ResponsiveTable().Column("task").Column("reads").Column("metric", optional: true)
            .Column("multi-task", rightAligned: true).Column("separate", rightAligned: true)
            .Column("difference", rightAligned: true).Column("why");
        foreach (var task in compared)
        {
            double multi = task.Metrics!.Primary, separate = task.SeparateMetrics!.Primary;
            table.Row(
                task.Name + (task.IsMain ? " (main)" : string.Empty),
                ModalityNames.Of(task.Modalities) + (task.ReadsSomeModalities ? "*" : string.Empty),
                task.Task == TaskKind.Regression ? "RMSE" : "macro-F1",
                F(multi),
                F(separate),
                (multi - separate).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture),
                Why(task, every));
        }

        AnsiConsole.MarkupLine("[bold]Multi-task vs separate single-task models on the same split:[/]");
        table.Write();
        if (compared.Any(t => t.ReadsSomeModalities))
        {
            ConsoleText.Line(
                $"* The head reads only these modalities' features (--head-modalities); every separate model reads all of them ({every}), " +
                "so that difference is part of the comparison.");
        }

        if (compared.All(IdenticalByConstruction))
        {
            ConsoleText.Line(
                $"Every head reads only the shared features with its separate model's trainer, so each is that model by construction: " +
                $"the multi-task model here saves featurization ({result.SharedFeaturizerFits} featurizer fits for {result.Tasks.Count} tasks), not quality. " +
                "Stacking (--stacking on) or a search per head (--time/--max-trials) can make the heads differ.");
        }
    }

    /// <summary>A head that reads every modality, no other task's predictions, and was given its trainer (no search) is fitted exactly as the separate model is.</summary>
    private static bool IdenticalByConstruction(TaskResult task) => task.StackedInputs.Count == 0 && task.Search is null && !task.ReadsSomeModalities;

    private static string Why(TaskResult task, string every)
    {
        if (IdenticalByConstruction(task))
        {
            return "identical by construction: same features and trainer";
        }

        var differences = new List<string>();
        if (task.ReadsSomeModalities)
        {
            differences.Add($"{ModalityNames.Of(task.Modalities)} only, separate on {every}");
        }

        if (task.StackedInputs.Count > 0)
        {
            differences.Add($"also reads {string.Join(", ", task.StackedInputs)} predictions");
        }

        if (task.Search is not null)
        {
            differences.Add("own search on shared features");
        }

        var reads = string.Join(", ", differences);
        var outcome = task.VersusSeparate switch
        {
            "better" => "better",
            "worse" => "worse",
            _ => "within 0.0005",
        };
        var trainers = task.SeparateTrainer is { } separate && separate.Name != task.Trainer.Name ? $"; separate: {separate.Name}" : string.Empty;
        return $"{outcome}: {reads}, {task.Trainer.Name}{trainers}";
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
