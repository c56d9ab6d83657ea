using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using CrossModalML.Training.Imbalance;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary>Human-readable output: load summaries, progress lines and metric tables.</summary>
internal static class ConsoleOutput
{
    public static void LoadSummary(PostDataset data)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{Path.GetFileName(data.SourcePath) ?? "posts"}[/]:");
        foreach (var line in data.Report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AnsiConsole.MarkupLineInterpolated($"  {line}");
        }
    }

    public static IProgress<TrainingProgress> TrainingProgress() => new SynchronousProgress<TrainingProgress>(p =>
        AnsiConsole.MarkupLineInterpolated($"[grey][[{p.Step}/{p.TotalSteps}]][/] {p.Description}"));

    public static void Metrics(EvaluationMetrics metrics, string heading)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{heading}[/]");
        if (metrics.Task == TaskKind.Regression)
        {
            AnsiConsole.MarkupLineInterpolated($"  RMSE {F(metrics.Rmse)}   MAE {F(metrics.Mae)}   R² {F(metrics.RSquared)}   ({metrics.Count:N0} posts)");
            return;
        }

        var auc = metrics.Auc is { } value ? $"   AUC {F(value)}" : string.Empty;
        AnsiConsole.MarkupLineInterpolated(
            $"  accuracy {F(metrics.Accuracy)}   macro-F1 {F(metrics.MacroF1)}   weighted F1 {F(metrics.WeightedF1)}   log-loss {F(metrics.LogLoss)}{auc}   ({metrics.Count:N0} posts)");
        if (metrics.PerClass is { } perClass)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("class").AddColumn(new TableColumn("precision").RightAligned())
                .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned())
                .AddColumn(new TableColumn("support").RightAligned());
            foreach (var c in perClass)
            {
                table.AddRow(Markup.Escape(c.Label), F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>Prints the fusion choice, the late-fusion modality weights and a tuned threshold, when there are any.</summary>
    public static void Fusion(FusionSummary? fusion, ThresholdTuning? threshold)
    {
        if (fusion is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]Fusion:[/] {fusion.Kind.ToString().ToLowerInvariant()}{(fusion.Requested == FusionKind.Auto ? " (chosen by validation)" : string.Empty)}");
            if (fusion.Selection is { } selection)
            {
                AnsiConsole.MarkupLineInterpolated($"  {selection.Reason}");
            }

            if (fusion.ModalityWeights.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumn("modality").AddColumn(new TableColumn("stacker weight").RightAligned())
                    .AddColumn(new TableColumn("alone: accuracy").RightAligned()).AddColumn(new TableColumn("alone: macro-F1").RightAligned())
                    .AddColumn(new TableColumn("features").RightAligned());
                foreach (var weight in fusion.ModalityWeights)
                {
                    table.AddRow(
                        weight.Modality.ToString().ToLowerInvariant(), F(weight.Weight), F(weight.Validation.Accuracy), F(weight.Validation.MacroF1),
                        weight.Dimensions.ToString("N0", CultureInfo.InvariantCulture));
                }

                AnsiConsole.MarkupLine(fusion.Kind == FusionKind.Late
                    ? "  Learned modality weights (share of the stacker's standardised coefficients; 'alone' = out-of-fold on the training rows):"
                    : "  The late-fusion stacker that lost would have weighted the modalities so:");
                AnsiConsole.Write(table);
            }
        }

        if (threshold is not null)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[bold]Decision threshold:[/] {F(threshold.Threshold)} (out-of-fold {threshold.Objective}: {F(threshold.ScoreAtThreshold)} vs {F(threshold.ScoreAtDefault)} at 0.5, {threshold.Rows:N0} rows)");
        }
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    /// <summary>Reports on the calling thread, so progress lines appear in order with other output.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
