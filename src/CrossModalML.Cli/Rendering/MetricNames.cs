using CrossModalML.AutoML;
using CrossModalML.Evaluation;

namespace CrossModalML.Cli.Rendering;

/// <summary>How the console names each search metric.</summary>
internal static class MetricNames
{
    public static string Of(AutoMLMetric metric) => metric switch
    {
        AutoMLMetric.MacroF1 => "macro-F1",
        AutoMLMetric.Accuracy => "accuracy",
        AutoMLMetric.AccuracyMacroF1 => "mean of accuracy and macro-F1",
        AutoMLMetric.WeightedF1 => "weighted F1",
        AutoMLMetric.Auc => "AUC",
        AutoMLMetric.LogLoss => "log-loss",
        AutoMLMetric.Rmse => "RMSE",
        AutoMLMetric.RSquared => "R²",
        _ => "MAE",
    };
}
