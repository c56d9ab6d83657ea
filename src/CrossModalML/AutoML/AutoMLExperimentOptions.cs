using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>Budget, metric, tuner and data settings of an <see cref="AutoMLExperiment"/>.</summary>
/// <remarks>The <see cref="Budget"/> must set a time, a trial count or both. With only <see cref="SearchBudget.MaxTrials"/>
/// (and no trial timing out) a run is reproducible: the same data, options and seed give the same leaderboard.</remarks>
public sealed class AutoMLExperimentOptions
{
    /// <summary>The search's time and trial budget, memory caps, metric and tuner. Must set
    /// <see cref="SearchBudget.Time"/>, <see cref="SearchBudget.MaxTrials"/> or both.</summary>
    public SearchBudget Budget { get; set; } = new();

    /// <summary>Seed of the tuner, the splits and every fit. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The user's featurizer settings; the search varies n-gram settings and, with an ONNX model, the image featurizer.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>Where the trials run: <c>null</c> (default) for this process. With a cluster executor each trial is
    /// evaluated on a worker (one at a time: the tuner proposes a trial from the results before it), which rebuilds the
    /// trial features from the posts once per featurizer choice; with a seed and <see cref="SearchBudget.MaxTrials"/> the
    /// leaderboard is the local one. The winner is refit here. A machine setting, never written to a manifest.</summary>
    public Execution.IWorkExecutor? Executor { get; set; }

    /// <summary>Whether trial 1 is the configuration a single fit uses (the task's default trainer with ML.NET's default
    /// hyperparameters, on the user's featurizer settings) before the tuner's own starting points. The search then never
    /// returns a model that scored below the single fit on the search's own validation, except that
    /// <see cref="StartMinimumStandardErrors"/> may keep trial 2 of <see cref="StartWithBuiltInFeatures"/> (the fast preset's
    /// model) over a trial 1 whose lead is within the noise of the folds. That trial has no time limit (the single fit has
    /// none) and <see cref="SearchBudget.Time"/> starts counting after it. Default true.</summary>
    public bool StartFromDefault { get; set; } = true;

    /// <summary>With <see cref="StartFromDefault"/>, whether the single fit's configuration is scored a second time with the
    /// built-in features in place of the shipped pretrained encoders (built-in image statistics instead of ResNet18, no
    /// sentence encoder), as trial 2, also without a trial time limit and before the time budget starts. The balanced and
    /// best presets set it when they add the shipped encoders themselves: trial 2 is then the fast preset's model, and the
    /// search keeps the encoders only when its own validation prefers them. Ignored when the featurizer uses neither
    /// encoder. Default false.</summary>
    public bool StartWithBuiltInFeatures { get; set; }

    /// <summary>With <see cref="StartFromDefault"/>: how many standard errors the best trial must beat the last starting
    /// configuration by (the fast preset's model when <see cref="StartWithBuiltInFeatures"/> added it, else the default
    /// configuration) for it to be refit instead of that start. The standard error is that of the two trials' per-fold
    /// score differences, so a lead that one or two folds make is not taken for an improvement: with few posts or few
    /// distinct images, the best of a hundred trials is often ahead by chance. When the start is kept, no ensemble is built
    /// either. Needs 3 or more folds with a score for both trials; hold-out searches, searches on row samples
    /// (<see cref="TrialRowLimit"/>) and the per-task searches of a multi-task model are not checked. Default 2; 0 turns the
    /// check off.</summary>
    public double StartMinimumStandardErrors { get; set; } = 2;

    /// <summary>Classification: after the search, build a weighted ensemble of the best trials by greedy selection with
    /// replacement on their out-of-fold probabilities (<see cref="EnsembleSelection"/>), refit the selected trials on all
    /// rows and save them as one model that averages their probabilities. Only when the selection keeps two or more trials
    /// and its gain holds on rows it was not selected on (<see cref="EnsembleMinimumGain"/>); otherwise the best trial is
    /// refit as usual. Not with late or auto fusion or a tuned threshold. Default off.</summary>
    public bool Ensemble { get; set; }

    /// <summary>How many of the leaderboard's best completed trials are ensemble candidates. Default 8.</summary>
    public int EnsembleCandidates { get; set; } = 8;

    /// <summary>The least gain over the best trial, on the search metric's scale, for which the ensemble replaces it: the
    /// weights are selected on half of the out-of-fold rows and scored on the other half, both ways round, so the gain
    /// is measured on rows the selection did not see (on its own rows a selection never scores below its best trial).
    /// Default 0.005; <see cref="double.NegativeInfinity"/>, with <see cref="EnsembleMinimumStandardErrors"/> 0, keeps every
    /// ensemble of two or more trials.</summary>
    public double EnsembleMinimumGain { get; set; } = EnsembleSelection.MinimumCrossFittedGain;

    /// <summary>How many standard errors the same cross-fitted gain must also reach for the ensemble to replace the best
    /// trial: its bootstrap standard error over the scored rows, so a gain within the noise of a few hundred posts is not
    /// taken for an improvement. Default 2; 0 turns the check off.</summary>
    public double EnsembleMinimumStandardErrors { get; set; } = EnsembleSelection.MinimumStandardErrors;

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

    /// <summary>The most rows a trial is fitted and scored on. Default 100,000.</summary>
    /// <remarks>A search on more rows than this, or on at least three times <see cref="SmallestSampleRows"/> rows, runs
    /// its trials by successive halving over rows: the tuner's trials run on a random sample of about
    /// <see cref="TrialRowLimit"/> ÷ 3^k rows (the smallest not below <see cref="SmallestSampleRows"/>), and the best
    /// third of each sample's completed trials (while that is two or more) are run again on a sample three times larger,
    /// up to <see cref="TrialRowLimit"/> rows; each sample contains the smaller ones. The winner is the best trial of
    /// the largest sample reached and is refit on every row. The cached features, and so the search's memory, then grow
    /// with the samples, not with the data. <see cref="SearchBudget.MaxTrials"/> counts the tuner's trials on the
    /// smallest sample; the larger samples' trials (at most half as many again) come on top. <see cref="SearchBudget.Time"/>
    /// is shared equally among the samples, what one leaves unused passing to the next. An ensemble is not built from
    /// sampled trials. Smaller searches (under three times <see cref="SmallestSampleRows"/> rows, and at most
    /// <see cref="TrialRowLimit"/>) run every trial on every row.</remarks>
    public int TrialRowLimit { get; set; } = 100_000;

    /// <summary>The fewest rows of the smallest sample of a search that samples rows (see <see cref="TrialRowLimit"/>).
    /// Default 10,000.</summary>
    public int SmallestSampleRows { get; set; } = 10_000;

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
        if (Budget is null)
        {
            throw new ArgumentException($"Give the search a budget: set {owner}.{nameof(Budget)} to a SearchBudget with a Time, a MaxTrials, or both.");
        }

        Budget.Validate($"{owner}.{nameof(Budget)}");

        if (CrossValidationRowLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossValidationRowLimit), CrossValidationRowLimit, $"{owner}.CrossValidationRowLimit must be 0 (always hold out) or more, e.g. 10,000; got {CrossValidationRowLimit}.");
        }

        if (TrialRowLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialRowLimit), TrialRowLimit, $"{owner}.{nameof(TrialRowLimit)} must be at least 1, e.g. 100,000; got {TrialRowLimit}.");
        }

        if (SmallestSampleRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SmallestSampleRows), SmallestSampleRows, $"{owner}.{nameof(SmallestSampleRows)} must be at least 1, e.g. 10,000; got {SmallestSampleRows}.");
        }

        if (EnsembleCandidates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(EnsembleCandidates), EnsembleCandidates, "An ensemble needs at least 2 candidate trials, e.g. 8.");
        }

        if (double.IsNaN(EnsembleMinimumGain))
        {
            throw new ArgumentOutOfRangeException(nameof(EnsembleMinimumGain), EnsembleMinimumGain, $"{owner}.{nameof(EnsembleMinimumGain)} must be a number, e.g. 0.005 (or negative infinity to keep every ensemble).");
        }

        if (!(StartMinimumStandardErrors >= 0) || double.IsInfinity(StartMinimumStandardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(StartMinimumStandardErrors), StartMinimumStandardErrors, $"{owner}.{nameof(StartMinimumStandardErrors)} must be 0 or more and finite, e.g. 2 (0 turns the check off).");
        }

        if (!(EnsembleMinimumStandardErrors >= 0) || double.IsInfinity(EnsembleMinimumStandardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(EnsembleMinimumStandardErrors), EnsembleMinimumStandardErrors, $"{owner}.{nameof(EnsembleMinimumStandardErrors)} must be 0 or more and finite, e.g. 2 (0 turns the check off).");
        }

        Evaluation.Validate($"{owner}.{nameof(Evaluation)}");
        if (Fusion != FusionKind.Early && Evaluation.TimeColumn is { } timeColumn)
        {
            throw new ArgumentException(
                $"Late fusion learns its stacker from out-of-fold scores of every training row, but with a time split by '{timeColumn}' ({owner}.Evaluation.TimeColumn) " +
                $"the inner folds chain forward in time and never score the earliest rows. Use {owner}.Fusion = FusionKind.Early, or split without time.");
        }
    }

    /// <summary>A shallow copy with another budget, so a caller's options are not changed.</summary>
    internal AutoMLExperimentOptions WithBudget(SearchBudget budget)
    {
        var copy = (AutoMLExperimentOptions)MemberwiseClone();
        copy.Budget = budget;
        return copy;
    }

    /// <summary>A shallow copy with another seed, so a caller's options are not changed.</summary>
    internal AutoMLExperimentOptions WithSeed(int seed)
    {
        var copy = (AutoMLExperimentOptions)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }
}
