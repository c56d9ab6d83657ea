using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Training.Fusion;
using CrossModalML.Training.Imbalance;
using Spectre.Console;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands;

/// <summary>Human-readable output: load summaries, progress lines and metric tables.</summary>
internal static class ConsoleOutput
{
    /// <summary>Prints what loading found: rows, each column's role, and warnings.</summary>
    /// <param name="data">The loaded posts.</param>
    /// <param name="taskLabels">Multi-task: every task's label column; those other than the loaded label are listed as labels, not as ignored columns.</param>
    public static void LoadSummary(PostDataset data, IReadOnlyCollection<string>? taskLabels = null)
    {
        var report = data.Report;
        AnsiConsole.MarkupLineInterpolated($"[bold]{Path.GetFileName(data.SourcePath) ?? "posts"}[/]:");
        ConsoleText.Line($"  Rows: {report.RowsRead:N0} read, {report.RowsUsed:N0} used, {report.RowsSkipped:N0} skipped.", "    ");
        foreach (var skip in report.SkipReasons)
        {
            ConsoleText.Line($"    skipped {skip.Count:N0}: {skip.Reason} (e.g. line {string.Join(", ", skip.ExampleLines)})", "      ");
        }

        ConsoleText.Line("  Columns:");
        foreach (var decision in report.RoleDecisions)
        {
            bool otherTask = taskLabels is not null && taskLabels.Contains(decision.Column) && decision.Column != data.LabelColumn;
            ConsoleText.Line(
                otherTask
                    ? $"    {decision.Column}: Label (a task of this multi-task model, never a feature)"
                    : $"    {decision.Column}: {decision.Role} ({decision.Source}: {decision.Reason})",
                "      ");
        }

        foreach (var warning in report.Warnings)
        {
            ConsoleText.Line($"  Warning: {warning}", "    ");
        }
    }

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
            var table = new ResponsiveTable().Column("class").Column("precision", rightAligned: true)
                .Column("recall", rightAligned: true).Column("F1", rightAligned: true).Column("support", rightAligned: true);
            foreach (var c in perClass)
            {
                table.Row(c.Label, F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString("N0", CultureInfo.InvariantCulture));
            }

            table.Write();
            ConfusionMatrix(metrics);
        }
    }

    /// <summary>Prints the confusion matrix of a classification evaluation: one row per true class, one column per predicted class.</summary>
    public static void ConfusionMatrix(EvaluationMetrics metrics)
    {
        if (metrics.ConfusionMatrix is not { Count: > 0 } matrix || metrics.PerClass is not { } perClass || perClass.Count != matrix.Count)
        {
            return;
        }

        AnsiConsole.MarkupLine("  Confusion matrix (rows: true class, columns: predicted class):");
        var table = new ResponsiveTable().Column("true class");
        foreach (var c in perClass)
        {
            table.Column(c.Label, rightAligned: true);
        }

        for (int i = 0; i < matrix.Count; i++)
        {
            table.Row([perClass[i].Label, .. matrix[i].Select(n => n.ToString("N0", CultureInfo.InvariantCulture))]);
        }

        table.Write();
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
                var table = new ResponsiveTable()
                    .Column("modality").Column("stacker weight", rightAligned: true)
                    .Column("alone: accuracy", rightAligned: true).Column("alone: macro-F1", rightAligned: true)
                    .Column("features", rightAligned: true);
                foreach (var weight in fusion.ModalityWeights)
                {
                    table.Row(
                        weight.Modality.ToString().ToLowerInvariant(), F(weight.Weight), F(weight.Validation.Accuracy), F(weight.Validation.MacroF1),
                        weight.Dimensions.ToString("N0", CultureInfo.InvariantCulture));
                }

                AnsiConsole.MarkupLine(fusion.Kind == FusionKind.Late
                    ? "  Learned modality weights (share of the stacker's standardised coefficients; 'alone' = out-of-fold on the training rows):"
                    : "  The late-fusion stacker that lost would have weighted the modalities so:");
                table.Write();
            }
        }

        if (threshold is not null)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[bold]Decision threshold:[/] {F(threshold.Threshold)} (out-of-fold {threshold.Objective}: {F(threshold.ScoreAtThreshold)} vs {F(threshold.ScoreAtDefault)} at 0.5, {threshold.Rows:N0} rows)");
        }
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";
}
