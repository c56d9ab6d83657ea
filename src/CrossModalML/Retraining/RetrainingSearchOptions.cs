using CrossModalML.AutoML;

namespace CrossModalML.Retraining;

/// <summary>How <see cref="ModelRetrainer"/> re-runs the AutoML search on the new data instead of reusing the old model's
/// trainer and hyperparameters.</summary>
/// <remarks>The column roles and the base featurizer settings still come from the old manifest (the search varies n-gram
/// settings and, with an ONNX encoder, the image featurizer around them, as <see cref="AutoMLExperiment"/> does), and the
/// seed is the retraining seed. The search sees only the rows outside the comparison hold-out, so the old and new model
/// are compared on posts neither of them was chosen or fitted on.</remarks>
public sealed class RetrainingSearchOptions
{
    /// <summary>The search's time and trial budget, memory caps, metric and tuner, as for
    /// <see cref="AutoMLExperimentOptions.Budget"/>. Must set <see cref="SearchBudget.Time"/>,
    /// <see cref="SearchBudget.MaxTrials"/> or both. The metric is what the search optimises; the comparison of old and
    /// new model is still reported on every metric.</summary>
    public SearchBudget Budget { get; set; } = new();

    /// <summary>Whether featurizer settings are searched too, or only trainers and hyperparameters. Default true.</summary>
    public bool SearchFeaturizer { get; set; } = true;

    /// <summary>Receives each trial as it starts and as it ends; <c>null</c> for none.</summary>
    public IProgress<TrialResult>? TrialProgress { get; set; }
}
