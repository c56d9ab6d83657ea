using CrossModalML.AutoML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Retraining;

/// <summary>How <see cref="ModelRetrainer"/> re-runs the AutoML search on the new data instead of reusing the old model's
/// trainer and hyperparameters.</summary>
/// <remarks>The column roles and the base featurizer settings still come from the old manifest (the search varies n-gram
/// settings and, with an ONNX encoder, the image featurizer around them, as <see cref="AutoMLExperiment"/> does), and the
/// seed is the retraining seed. The search sees only the rows outside the comparison hold-out, so the old and new model
/// are compared on posts neither of them was chosen or fitted on. At least one of <see cref="TimeBudget"/> and
/// <see cref="MaxTrials"/> must be set.</remarks>
public sealed class RetrainingSearchOptions
{
    /// <summary>Wall time for the search, as <see cref="AutoMLExperimentOptions.TimeBudget"/>; <c>null</c> for no time limit.</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Maximum number of trials, as <see cref="AutoMLExperimentOptions.MaxTrials"/>; <c>null</c> for no limit.</summary>
    public int? MaxTrials { get; set; }

    /// <summary>Time limit of one trial, as <see cref="AutoMLExperimentOptions.TrialTimeLimit"/>. Default 2 minutes.</summary>
    public TimeSpan TrialTimeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The metric to optimise; <c>null</c> for <see cref="AutoMLMetrics.Default"/> (macro-F1 or RMSE). The
    /// comparison of old and new model is still reported on every metric.</summary>
    public AutoMLMetric? Metric { get; set; }

    /// <summary>The tuner. Default <see cref="TunerKind.Cfo"/>.</summary>
    public TunerKind Tuner { get; set; } = TunerKind.Cfo;

    /// <summary>Whether featurizer settings are searched too, or only trainers and hyperparameters. Default true.</summary>
    public bool SearchFeaturizer { get; set; } = true;

    /// <summary>Receives each trial as it starts and as it ends; <c>null</c> for none.</summary>
    public IProgress<TrialResult>? TrialProgress { get; set; }
}
