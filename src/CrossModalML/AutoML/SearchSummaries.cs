using CrossModalML.Featurization;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>Builds the <see cref="SearchSummary"/> a manifest stores from a finished search.</summary>
internal static class SearchSummaries
{
    /// <summary>The summary of a finished search whose winner is <paramref name="best"/>.</summary>
    /// <param name="options">The search's settings (tuner, seed, budget, trial limit).</param>
    /// <param name="search">The finished search.</param>
    /// <param name="best">Its winning trial.</param>
    /// <param name="evaluation">How trials were scored, in words.</param>
    /// <param name="featurizer">The featurizer settings the winner was scored with.</param>
    internal static SearchSummary Create(AutoMLExperimentOptions options, SearchResult search, TrialResult best, string evaluation, FeaturizerChoice featurizer) => new()
    {
        Tuner = options.Budget.Tuner,
        Metric = search.Metric,
        Seed = options.Seed,
        TimeBudgetSeconds = options.Budget.Time?.TotalSeconds,
        MaxTrials = options.Budget.MaxTrials,
        TrialTimeLimitSeconds = options.Budget.TrialTimeLimit.TotalSeconds,
        TrialsRun = search.Trials.Count,
        TrialsFailed = search.Trials.Count(t => t.Status != TrialStatus.Completed),
        StopReason = search.StopReason,
        Evaluation = evaluation,
        BestTrial = best.Number,
        BestScore = best.Score,
        BestScoreStd = best.ScoreStd,
        BestTrainer = best.Configuration.Trainer,
        BestFeaturizer = featurizer,
        Trials = search.Trials
            .Where(t => t.Status != TrialStatus.Running)
            .OrderBy(t => t.Number)
            .Select(t => t.Status == TrialStatus.Completed
                ? new SearchTrialRecord(t.Number, t.Configuration.Trainer, t.Configuration.Featurizer, t.Status.ToString(), t.Score, t.ScoreStd)
                : new SearchTrialRecord(t.Number, t.Configuration.Trainer, t.Configuration.Featurizer, t.Status.ToString(), null, null))
            .ToList(),
    };
}
