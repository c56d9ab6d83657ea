using CrossModalML.AutoML;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The search flags of <c>crossmodal train</c>, parsed; a preset may still choose the time and trial budget.</summary>
/// <param name="Budget">What <c>--time</c>, <c>--max-trials</c>, <c>--trial-time</c>, <c>--memory-limit</c>,
/// <c>--trial-memory</c>, <c>--metric</c> and <c>--tuner</c> give.</param>
/// <param name="Ensemble">Whether the search ends with an ensemble of its best trials (<c>--ensemble</c>).</param>
/// <param name="MinimumLeadStandardErrors">What <c>--min-lead-se</c> gives: both
/// <see cref="AutoMLExperimentOptions.StartMinimumStandardErrors"/> and
/// <see cref="AutoMLExperimentOptions.EnsembleMinimumStandardErrors"/>; <c>null</c> keeps their defaults.</param>
internal sealed record SearchFlags(SearchBudget Budget, bool Ensemble, double? MinimumLeadStandardErrors = null)
{
    /// <summary>Whether <c>--time</c> or <c>--max-trials</c> asked for a search whatever the preset.</summary>
    public bool Explicit => Budget.Time is not null || Budget.MaxTrials is not null;
}
