using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
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

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
