using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>Budget, metric, tuner and data settings of an <see cref="AutoMLExperiment"/>.</summary>
/// <remarks>At least one of <see cref="TimeBudget"/> and <see cref="MaxTrials"/> must be set. With only
/// <see cref="MaxTrials"/> (and no trial timing out) a run is reproducible: the same data, options and seed give the same leaderboard.</remarks>
public sealed class AutoMLExperimentOptions
{
    /// <summary>Wall time for the search (the winner's refit comes after it). No new trial starts once it is used up, and a
    /// running trial's limit is cut to what remains, though never below twice the median completed trial (a trial cut
    /// shorter than trials take could only time out), so the search ends within about two trials of the budget.
    /// The first trial is the exception: it always runs (under <see cref="TrialTimeLimit"/>), even when featurizing took
    /// the whole budget, so that a search always has a winner. <c>null</c> for no time limit.</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Maximum number of trials (failed and timed-out ones count); <c>null</c> for no limit.</summary>
    public int? MaxTrials { get; set; }

    /// <summary>Time limit of one trial's fits and scoring (not the shared featurization). A trial that overruns is
    /// recorded as <see cref="TrialStatus.TimedOut"/> and abandoned: ML.NET cannot stop a fit, so it finishes in the
    /// background, using CPU, while the search goes on. Default 2 minutes.</summary>
    public TimeSpan TrialTimeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A cap on the process's managed memory, in bytes; <c>null</c> (the default) for none. Before each trial the
    /// search measures the managed heap (after a full collection when the quick reading is over the cap) and, once it is
    /// above the cap, starts no more trials and returns the best so far with <see cref="SearchStopReason.MemoryLimit"/>.
    /// Cached features (one set per featurizer choice tried) are what grows during a search, so the cap bounds how many
    /// featurizer settings are tried. Native memory (LightGBM, ONNX Runtime) is not counted here; what one trial may add,
    /// native memory included, is capped by <see cref="TrialMemoryLimitBytes"/>.</summary>
    public long? MemoryLimitBytes { get; set; }

    /// <summary>The most one trial may add to the process's working set (managed and native memory, such as LightGBM's),
    /// in bytes, over its level when the trial started; <c>null</c> (the default) for no limit. The working set is read
    /// every 100 ms while a trial runs; a trial that goes over is stopped (its trainer interrupted), recorded as failed
    /// with the amount, and the search goes on. Tree trainers with many leaves on wide sparse n-gram features are what
    /// grows this way.</summary>
    public long? TrialMemoryLimitBytes { get; set; }

    /// <summary>The metric to optimise; <c>null</c> for <see cref="AutoMLMetrics.Default"/> (macro-F1 or RMSE).</summary>
    public AutoMLMetric? Metric { get; set; }

    /// <summary>The tuner. Default <see cref="TunerKind.Cfo"/>.</summary>
    public TunerKind Tuner { get; set; } = TunerKind.Cfo;

    /// <summary>Seed of the tuner, the splits and every fit. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The user's featurizer settings; the search varies n-gram settings and, with an ONNX model, the image featurizer.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>Whether trial 1 is the configuration a single fit uses (the task's default trainer with ML.NET's default
    /// hyperparameters, on the user's featurizer settings) before the tuner's own starting points. The search then never
    /// returns a model that scored below the single fit on the search's own validation. That trial has no time limit (the
    /// single fit has none) and <see cref="TimeBudget"/> starts counting after it. Default true.</summary>
    public bool StartFromDefault { get; set; } = true;

    /// <summary>Classification: after the search, build a weighted ensemble of the best trials by greedy selection with
    /// replacement on their out-of-fold probabilities (<see cref="EnsembleSelection"/>), refit the selected trials on all
    /// rows and save them as one model that averages their probabilities. Only when the selection keeps two or more trials
    /// (otherwise the best trial is refit as usual); not with late or auto fusion or a tuned threshold. Default off.</summary>
    public bool Ensemble { get; set; }

    /// <summary>How many of the leaderboard's best completed trials are ensemble candidates. Default 8.</summary>
    public int EnsembleCandidates { get; set; } = 8;

    /// <summary>Whether featurizer settings are searched; when false only trainers and hyperparameters are. Default true.</summary>
    public bool SearchFeaturizer { get; set; } = true;

    /// <summary>How trials are evaluated. With <see cref="EvaluationStrategy.Auto"/> (the default) a search cross-validates
    /// (<see cref="EvaluationOptions.Folds"/> folds, default 5) below <see cref="CrossValidationRowLimit"/> rows and holds
    /// out <see cref="EvaluationOptions.TestFraction"/> (default 20%) from there on; the options' own
    /// <see cref="EvaluationOptions.CrossValidationRowLimit"/> (meant for single fits) is not used.</summary>
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

    /// <summary>Below this many rows a search with <see cref="EvaluationStrategy.Auto"/> evaluates every trial by k-fold
    /// cross-validation; at or above it, by one hold-out. Default 10,000.</summary>
    /// <remarks>A search ranks many trials by small differences, so it needs steadier estimates than a single fit: on
    /// 2,000 posts a 400-row hold-out moves macro-F1 by several points between splits, enough to pick the wrong winner
    /// (docs/benchmarks.md). From about 10,000 rows a 20% hold-out is steady enough and k fits per trial would cost more
    /// trials than they are worth.</remarks>
    public int CrossValidationRowLimit { get; set; } = DefaultCrossValidationRowLimit;

    /// <summary>The default of <see cref="CrossValidationRowLimit"/>.</summary>
    public const int DefaultCrossValidationRowLimit = 10_000;

    /// <summary>The evaluation settings a search uses: <see cref="Evaluation"/> with <see cref="CrossValidationRowLimit"/>
    /// as its row threshold.</summary>
    public EvaluationOptions SearchEvaluation() => new()
    {
        Strategy = Evaluation.Strategy,
        TestFraction = Evaluation.TestFraction,
        Folds = Evaluation.Folds,
        GroupColumn = Evaluation.GroupColumn,
        TimeColumn = Evaluation.TimeColumn,
        CrossValidationRowLimit = CrossValidationRowLimit,
    };

    /// <summary>Checks every setting without reading any data, so a bad one fails before a data set is loaded.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names the property.</exception>
    public void Validate() => Validate(nameof(AutoMLExperimentOptions));

    /// <param name="owner">How the caller reaches these settings, e.g. <c>RetrainingOptions.Search</c>, for the message.</param>
    internal void Validate(string owner)
    {
        if (TimeBudget is null && MaxTrials is null)
        {
            throw new ArgumentException($"Give the search a budget: set {owner}.TimeBudget, {owner}.MaxTrials, or both.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, $"{owner}.TimeBudget must be positive, e.g. 60 seconds; got {budget}.");
        }

        if (MaxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, $"{owner}.MaxTrials must be at least 1; got {MaxTrials}.");
        }

        if (MemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, $"{owner}.MemoryLimitBytes must be positive, e.g. 4 GB; got {MemoryLimitBytes}.");
        }

        if (TrialMemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialMemoryLimitBytes), TrialMemoryLimitBytes, $"{owner}.TrialMemoryLimitBytes must be positive, e.g. 2 GB; got {TrialMemoryLimitBytes}.");
        }

        if (CrossValidationRowLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossValidationRowLimit), CrossValidationRowLimit, $"{owner}.CrossValidationRowLimit must be 0 (always hold out) or more, e.g. 10,000; got {CrossValidationRowLimit}.");
        }

        if (EnsembleCandidates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(EnsembleCandidates), EnsembleCandidates, "An ensemble needs at least 2 candidate trials, e.g. 8.");
        }

        if (TrialTimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialTimeLimit), TrialTimeLimit, $"{owner}.TrialTimeLimit must be positive, e.g. 60 seconds; got {TrialTimeLimit}.");
        }

        Evaluation.Validate($"{owner}.{nameof(Evaluation)}");
    }
}
