using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Training;
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

    public static IProgress<TrialResult> TrialProgress() => new SynchronousProgress<TrialResult>(t =>
    {
        if (t.Status == TrialStatus.Running)
        {
            return;
        }

        var score = t.Status == TrialStatus.Completed ? $"{MetricName(t.Metric)} {F(t.Score)}{(t.FoldScores.Count > 1 ? $" ± {F(t.ScoreStd)}" : string.Empty)}" : t.Message ?? string.Empty;
        var colour = t.Status switch { TrialStatus.Completed => "green", TrialStatus.TimedOut => "yellow", _ => "red" };
        AnsiConsole.MarkupLineInterpolated(
            $"[grey]#{t.Number,-3}[/] {t.Configuration.Trainer.Name,-24} {score}  [grey]{t.Duration.TotalSeconds,6:0.0} s[/]  [{colour}]{t.Status}[/]{(t.IsNewBest ? " ★" : string.Empty)}");
    });

    public static void Leaderboard(SearchResult search, int top)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("trainer").AddColumn("hyperparameters").AddColumn("featurizer")
            .AddColumn(new TableColumn(MetricName(search.Metric)).RightAligned()).AddColumn(new TableColumn("± std").RightAligned())
            .AddColumn(new TableColumn("time").RightAligned()).AddColumn("status");
        foreach (var t in search.Leaderboard.Take(top))
        {
            var parameters = string.Join(" ", t.Configuration.Trainer.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G3}")));
            table.AddRow(
                t.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(t.Configuration.Trainer.Name),
                Markup.Escape(parameters),
                Markup.Escape(ShortFeaturizer(t.Configuration.Featurizer)),
                t.Status == TrialStatus.Completed ? F(t.Score) : "—",
                t.Status == TrialStatus.Completed ? F(t.ScoreStd) : "—",
                string.Create(CultureInfo.InvariantCulture, $"{t.Duration.TotalSeconds:0.0} s"),
                t.Status.ToString());
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]Leaderboard (top {Math.Min(top, search.Leaderboard.Count)} of {search.Leaderboard.Count}):[/]");
        AnsiConsole.Write(table);
    }

    private static string ShortFeaturizer(FeaturizerChoice f) =>
        $"w1-{f.WordNgramLength} c{(f.UseCharNgrams ? $"1-{f.CharNgramLength}" : "off")} {(f.ImageKind == CrossModalML.Featurization.ImageFeaturizerKind.Onnx ? "onnx" : "img")}";

    private static string MetricName(AutoMLMetric metric) => metric switch
    {
        AutoMLMetric.MacroF1 => "macro-F1",
        AutoMLMetric.Accuracy => "accuracy",
        AutoMLMetric.Auc => "AUC",
        AutoMLMetric.LogLoss => "log-loss",
        AutoMLMetric.Rmse => "RMSE",
        AutoMLMetric.RSquared => "R²",
        _ => "MAE",
    };

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
            $"  accuracy {F(metrics.Accuracy)}   macro-F1 {F(metrics.MacroF1)}   log-loss {F(metrics.LogLoss)}{auc}   ({metrics.Count:N0} posts)");
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

    private static string F(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    /// <summary>Reports on the calling thread, so progress lines appear in order with other output.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
