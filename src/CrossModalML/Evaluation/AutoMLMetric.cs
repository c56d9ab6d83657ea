namespace CrossModalML.Evaluation;

/// <summary>The metric a search optimises (see <see cref="AutoMLMetrics"/> for its direction and how it is read).</summary>
public enum AutoMLMetric
{
    /// <summary>Share of correctly classified posts (higher is better). Misleading on imbalanced classes.</summary>
    Accuracy = 0,

    /// <summary>Unweighted mean of per-class F1 (higher is better); the default for classification.</summary>
    MacroF1,

    /// <summary>Area under the ROC curve, binary only (higher is better).</summary>
    Auc,

    /// <summary>Mean negative log-likelihood of the true class (lower is better).</summary>
    LogLoss,

    /// <summary>Root mean squared error (lower is better); the default for regression.</summary>
    Rmse,

    /// <summary>Coefficient of determination (higher is better).</summary>
    RSquared,

    /// <summary>Mean absolute error (lower is better).</summary>
    Mae,

    /// <summary>The mean of accuracy and macro-F1 (higher is better): rewards the rare classes, as macro-F1 does, without
    /// giving up the majority class's accuracy for a sliver of macro-F1. CLI name <c>acc-f1</c>.</summary>
    AccuracyMacroF1,

    /// <summary>Mean of per-class F1 weighted by class support (higher is better), as MVSA papers report it. CLI name
    /// <c>weighted-f1</c>.</summary>
    WeightedF1,
}
