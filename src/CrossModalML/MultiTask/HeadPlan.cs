using CrossModalML.Packaging;

namespace CrossModalML.MultiTask;

/// <summary>The trainer of every head and whether the main head stacks; made once and reused for every fit.</summary>
/// <param name="Trainers">Each task's trainer.</param>
/// <param name="Searches">The search behind each searched head's trainer.</param>
/// <param name="Stacking">Whether the main head reads the auxiliary outputs, and why.</param>
internal sealed record HeadPlan(IReadOnlyDictionary<string, TrainerSpec> Trainers, IReadOnlyDictionary<string, SearchSummary> Searches, StackingDecision Stacking);
