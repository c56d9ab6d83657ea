using CrossModalML.Data;
using CrossModalML.Training;

namespace CrossModalML.Evaluation;

/// <summary>Direction, applicability and reading of each <see cref="AutoMLMetric"/>.</summary>
public static class AutoMLMetrics
{
    /// <summary>The default metric of a task: macro-F1 for classification (every class counts, so it also suits
    /// imbalanced classes), RMSE for regression.</summary>
    /// <param name="task">A resolved task.</param>
    public static AutoMLMetric Default(TaskKind task) => task == TaskKind.Regression ? AutoMLMetric.Rmse : AutoMLMetric.MacroF1;

    /// <summary>Whether larger values are better.</summary>
    /// <param name="metric">The metric.</param>
    public static bool HigherIsBetter(AutoMLMetric metric) => metric is AutoMLMetric.Accuracy or AutoMLMetric.MacroF1 or AutoMLMetric.Auc or AutoMLMetric.RSquared or AutoMLMetric.AccuracyMacroF1 or AutoMLMetric.WeightedF1;

    /// <summary>Whether the metric can be computed for the task.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="task">A resolved task.</param>
    public static bool AppliesTo(AutoMLMetric metric, TaskKind task) => metric switch
    {
        AutoMLMetric.Rmse or AutoMLMetric.RSquared or AutoMLMetric.Mae => task == TaskKind.Regression,
        AutoMLMetric.Auc => task == TaskKind.Binary,
        _ => task is TaskKind.Binary or TaskKind.Multiclass,
    };

    /// <summary>Reads the metric from evaluation results.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="metrics">Evaluation results.</param>
    /// <returns>The value, or NaN when the metrics do not contain it (for example AUC of a fold with one class).</returns>
    public static double Read(AutoMLMetric metric, EvaluationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        double? value = metric switch
        {
            AutoMLMetric.Accuracy => metrics.Accuracy,
            AutoMLMetric.MacroF1 => metrics.MacroF1,
            AutoMLMetric.WeightedF1 => metrics.WeightedF1,
            AutoMLMetric.AccuracyMacroF1 => metrics.Accuracy is { } accuracy && metrics.MacroF1 is { } macroF1 ? (accuracy + macroF1) / 2 : null,
            AutoMLMetric.Auc => metrics.Auc,
            AutoMLMetric.LogLoss => metrics.LogLoss,
            AutoMLMetric.Rmse => metrics.Rmse,
            AutoMLMetric.RSquared => metrics.RSquared,
            _ => metrics.Mae,
        };
        return value ?? double.NaN;
    }

    /// <summary>Turns a score into a loss to minimise: the score itself when lower is better, its negation otherwise; a
    /// missing (NaN) score becomes +∞.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="score">A value of the metric.</param>
    public static double ToLoss(AutoMLMetric metric, double score) =>
        double.IsNaN(score) ? double.PositiveInfinity : HigherIsBetter(metric) ? -score : score;

    /// <summary>Parses a metric name as the CLI accepts it: accuracy, macro-f1, weighted-f1, acc-f1, auc, log-loss, rmse, r2, mae (case- and dash-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">The name is not a metric.</exception>
    public static AutoMLMetric Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "accuracy" or "acc" => AutoMLMetric.Accuracy,
            "macrof1" or "f1" => AutoMLMetric.MacroF1,
            "auc" => AutoMLMetric.Auc,
            "logloss" => AutoMLMetric.LogLoss,
            "rmse" => AutoMLMetric.Rmse,
            "r2" or "rsquared" => AutoMLMetric.RSquared,
            "mae" => AutoMLMetric.Mae,
            "accf1" or "accuracymacrof1" => AutoMLMetric.AccuracyMacroF1,
            "weightedf1" or "wf1" => AutoMLMetric.WeightedF1,
            _ => throw new ArgumentException($"Unknown metric '{name}'. Valid: accuracy, macro-f1, weighted-f1, acc-f1, auc, log-loss, rmse, r2, mae."),
        };
    }
}
