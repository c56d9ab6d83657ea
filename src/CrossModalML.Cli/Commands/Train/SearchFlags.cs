using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The search flags of <c>crossmodal train</c>, parsed; a preset may still choose the budget.</summary>
/// <param name="TimeBudget">How long to search (<c>--time</c>).</param>
/// <param name="MaxTrials">The most trials to run (<c>--max-trials</c>).</param>
/// <param name="TrialTimeLimit">The time limit of one trial (<c>--trial-time</c>).</param>
/// <param name="MemoryLimitBytes">No new trial starts above this managed heap (<c>--memory-limit</c>).</param>
/// <param name="TrialMemoryLimitBytes">The most one trial may add to the process's memory (<c>--trial-memory</c>).</param>
/// <param name="Metric">The metric the search optimises (<c>--metric</c>); also a single fit's objective.</param>
/// <param name="Tuner">The search tuner (<c>--tuner</c>).</param>
/// <param name="Ensemble">Whether the search ends with an ensemble of its best trials (<c>--ensemble</c>).</param>
internal sealed record SearchFlags(
    TimeSpan? TimeBudget,
    int? MaxTrials,
    TimeSpan TrialTimeLimit,
    long? MemoryLimitBytes,
    long? TrialMemoryLimitBytes,
    AutoMLMetric? Metric,
    TunerKind Tuner,
    bool Ensemble)
{
    /// <summary>Whether <c>--time</c> or <c>--max-trials</c> asked for a search whatever the preset.</summary>
    public bool Explicit => TimeBudget is not null || MaxTrials is not null;
}
