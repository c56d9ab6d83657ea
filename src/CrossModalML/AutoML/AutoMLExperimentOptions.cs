using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;

namespace CrossModalML.AutoML;

/// <summary>Budget, metric, tuner and data settings of an <see cref="AutoMLExperiment"/>.</summary>
/// <remarks>At least one of <see cref="TimeBudget"/> and <see cref="MaxTrials"/> must be set. With only
/// <see cref="MaxTrials"/> (and no trial timing out) a run is reproducible: the same data, options and seed give the same leaderboard.</remarks>
public sealed class AutoMLExperimentOptions
{
    /// <summary>Wall time for the search (the winner's refit comes after it). No new trial starts once it is used up, and a
    /// running trial's limit is cut to what remains, so the search ends within about one trial's overhead of the budget.
    /// <c>null</c> for no time limit.</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Maximum number of trials (failed and timed-out ones count); <c>null</c> for no limit.</summary>
    public int? MaxTrials { get; set; }

    /// <summary>Time limit of one trial's fits and scoring (not the shared featurization). A trial that overruns is
    /// recorded as <see cref="TrialStatus.TimedOut"/> and abandoned: ML.NET cannot stop a fit, so it finishes in the
    /// background, using CPU, while the search goes on. Default 2 minutes.</summary>
    public TimeSpan TrialTimeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The metric to optimise; <c>null</c> for <see cref="AutoMLMetrics.Default"/> (macro-F1 or RMSE).</summary>
    public AutoMLMetric? Metric { get; set; }

    /// <summary>The tuner. Default <see cref="TunerKind.Cfo"/>.</summary>
    public TunerKind Tuner { get; set; } = TunerKind.Cfo;

    /// <summary>Seed of the tuner, the splits and every fit. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The user's featurizer settings; the search varies n-gram settings and, with an ONNX model, the image featurizer.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>Whether featurizer settings are searched; when false only trainers and hyperparameters are. Default true.</summary>
    public bool SearchFeaturizer { get; set; } = true;

    /// <summary>How trials are evaluated: by default 5-fold cross-validation below 1,000 rows, a 20% hold-out above.</summary>
    public EvaluationOptions Evaluation { get; set; } = new();

    /// <summary>How the winner fuses modalities. Trials always search early fusion on cached features; with
    /// <see cref="FusionKind.Auto"/> the winning trainer and featurizer are then fitted both ways and the fusion with the
    /// better out-of-fold score on the training rows is kept (a final comparison step, recorded in the manifest's
    /// <c>Fusion.Selection</c>); <see cref="FusionKind.Late"/> refits the winner as late fusion. Default <see cref="FusionKind.Early"/>.</summary>
    public FusionKind Fusion { get; set; } = FusionKind.Early;

    /// <summary>Binary tasks: tune the winner's decision threshold on out-of-fold predictions (see
    /// <see cref="TrainingOptions.TuneDecisionThreshold"/>), maximising the search metric (macro-F1 unless it is accuracy). Default off.</summary>
    public bool TuneDecisionThreshold { get; set; }

    /// <summary>Folds of the final comparison's and threshold's out-of-fold predictions. Default 5.</summary>
    public int StackingFolds { get; set; } = 5;

    internal void Validate()
    {
        if (TimeBudget is null && MaxTrials is null)
        {
            throw new ArgumentException("Give the search a budget: set TimeBudget (CLI: --time SECONDS), MaxTrials (CLI: --max-trials N), or both.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "The time budget must be positive, e.g. 60 seconds.");
        }

        if (MaxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, "The maximum number of trials must be at least 1.");
        }

        if (TrialTimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialTimeLimit), TrialTimeLimit, "The per-trial time limit must be positive, e.g. 60 seconds.");
        }
    }
}
