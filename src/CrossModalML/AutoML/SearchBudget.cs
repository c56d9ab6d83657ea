using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>How long and how far an AutoML search may go, and what it optimises: the one budget every search takes
/// (<see cref="AutoMLExperimentOptions.Budget"/>, <c>RetrainingSearchOptions.Budget</c>, and through
/// <see cref="AutoMLExperimentOptions"/> the multi-task heads' search).</summary>
/// <remarks>At least one of <see cref="Time"/> and <see cref="MaxTrials"/> must be set. With only <see cref="MaxTrials"/>
/// (and no trial timing out or running out of memory) a search is reproducible: the same data, options and seed give the
/// same leaderboard. Immutable; derive a changed copy with <c>with</c>.</remarks>
public sealed record SearchBudget
{
    /// <summary>Wall time for the search (the winner's refit comes after it). No new trial starts once it is used up, and a
    /// running trial's limit is cut to what remains, though never below twice the median completed trial (a trial cut
    /// shorter than trials take could only time out), so the search ends within about two trials of the budget.
    /// The first trial is the exception: it always runs (under <see cref="TrialTimeLimit"/>), even when featurizing took
    /// the whole budget, so that a search always has a winner. <c>null</c> for no time limit.</summary>
    public TimeSpan? Time { get; init; }

    /// <summary>Maximum number of trials (failed and timed-out ones count); <c>null</c> for no limit. A search that samples
    /// rows (see <see cref="AutoMLExperimentOptions.TrialRowLimit"/>) counts its tuner's trials on the smallest sample here;
    /// the re-runs of the best on larger samples come on top.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Time limit of one trial's fits and scoring (not the shared featurization). A trial that overruns is
    /// recorded as <see cref="TrialStatus.TimedOut"/> and abandoned: ML.NET cannot stop a fit, so it finishes in the
    /// background, using CPU, while the search goes on. Default 2 minutes.</summary>
    public TimeSpan TrialTimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A cap on the process's managed memory, in bytes; <c>null</c> (the default) for none. Before each trial the
    /// search measures the managed heap (after a full collection when the quick reading is over the cap) and, once it is
    /// above the cap, starts no more trials and returns the best so far with <see cref="SearchStopReason.MemoryLimit"/>.
    /// Cached features (one set per featurizer choice tried) are what grows during a search, so the cap bounds how many
    /// featurizer settings are tried. Native memory (LightGBM, ONNX Runtime) is not counted here; what one trial may add,
    /// native memory included, is capped by <see cref="TrialMemoryLimitBytes"/>.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>The most one trial may add to the process's working set (managed and native memory, such as LightGBM's),
    /// in bytes, over its level when the trial started; <c>null</c> (the default) for no limit. The working set is read
    /// every 100 ms while a trial runs; a trial that goes over is stopped (its trainer interrupted), recorded as failed
    /// with the amount, and the search goes on. Tree trainers with many leaves on wide sparse n-gram features are what
    /// grows this way.</summary>
    public long? TrialMemoryLimitBytes { get; init; }

    /// <summary>The metric to optimise; <c>null</c> for <see cref="AutoMLMetrics.Default"/> (macro-F1 or RMSE).</summary>
    public AutoMLMetric? Metric { get; init; }

    /// <summary>The tuner. Default <see cref="TunerKind.Cfo"/>.</summary>
    public TunerKind Tuner { get; init; } = TunerKind.Cfo;

    /// <summary>Checks every setting, so a bad one fails before a data set is loaded.</summary>
    /// <exception cref="ArgumentException">Neither <see cref="Time"/> nor <see cref="MaxTrials"/> is set, or a setting is
    /// out of range; the message names the property (<c>SearchBudget.MaxTrials</c>).</exception>
    public void Validate() => Validate(nameof(SearchBudget));

    /// <param name="owner">How the caller reaches this budget, e.g. <c>RetrainingOptions.Search.Budget</c>, for the message.</param>
    internal void Validate(string owner)
    {
        if (Time is null && MaxTrials is null)
        {
            throw new ArgumentException($"Give the search a budget: set {owner}.{nameof(Time)}, {owner}.{nameof(MaxTrials)}, or both.");
        }

        if (Time is { } time && time <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Time), time, $"{owner}.{nameof(Time)} must be positive, e.g. 60 seconds; got {time}.");
        }

        if (MaxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, $"{owner}.{nameof(MaxTrials)} must be at least 1; got {MaxTrials}.");
        }

        if (MemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, $"{owner}.{nameof(MemoryLimitBytes)} must be positive, e.g. 4 GB; got {MemoryLimitBytes}.");
        }

        if (TrialMemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialMemoryLimitBytes), TrialMemoryLimitBytes, $"{owner}.{nameof(TrialMemoryLimitBytes)} must be positive, e.g. 2 GB; got {TrialMemoryLimitBytes}.");
        }

        if (TrialTimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialTimeLimit), TrialTimeLimit, $"{owner}.{nameof(TrialTimeLimit)} must be positive, e.g. 60 seconds; got {TrialTimeLimit}.");
        }
    }
}
