using System.Globalization;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training.Fusion;

/// <summary>Chooses between early and late fusion on their out-of-fold predictions of the training rows, by
/// <see cref="TrainingOptions.Objective"/>; a tie keeps early fusion, the single model.</summary>
internal static class FusionSelector
{
    /// <summary>Compares both fusions and says which wins and by how much.</summary>
    /// <param name="set">The training rows.</param>
    /// <param name="objective">The metric the choice is made on.</param>
    /// <param name="early">Early fusion's out-of-fold probabilities of every training row.</param>
    /// <param name="late">Late fusion's (the stacker's cross-validated) probabilities of every training row.</param>
    /// <param name="folds">How many folds the predictions came from.</param>
    public static FusionSelection Select(FusionTrainingSet set, ClassificationObjective objective, float[][] early, float[][] late, int folds)
    {
        var earlyMetrics = set.Metrics(early);
        var lateMetrics = set.Metrics(late);
        double earlyScore = Read(objective, earlyMetrics), lateScore = Read(objective, lateMetrics);
        var chosen = lateScore > earlyScore ? FusionKind.Late : FusionKind.Early;
        string metric = objective == ClassificationObjective.MacroF1 ? "macro-F1" : "accuracy";
        string reason = chosen == FusionKind.Late
            ? string.Create(CultureInfo.InvariantCulture, $"late fusion wins: {metric} {lateScore:0.0000} vs {earlyScore:0.0000} for early fusion (+{lateScore - earlyScore:0.0000})")
            : string.Create(CultureInfo.InvariantCulture, $"early fusion wins: {metric} {earlyScore:0.0000} vs {lateScore:0.0000} for late fusion ({(lateScore == earlyScore ? "a tie keeps the single model" : $"+{earlyScore - lateScore:0.0000}")})");
        reason += string.Create(CultureInfo.InvariantCulture, $", on {folds}-fold out-of-fold predictions of the {set.RowCount:N0} training rows");
        return new FusionSelection
        {
            Objective = objective,
            Early = earlyMetrics,
            Late = lateMetrics,
            EarlyScore = earlyScore,
            LateScore = lateScore,
            Chosen = chosen,
            Reason = reason,
        };
    }

    private static double Read(ClassificationObjective objective, EvaluationMetrics metrics) =>
        objective == ClassificationObjective.Accuracy ? metrics.Accuracy ?? 0 : metrics.MacroF1 ?? 0;
}
