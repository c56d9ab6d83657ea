using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;

namespace CrossModalML.AutoML;

/// <summary>How a search's trial is refit on every training row: the one rule the winner's refit and the test-set
/// leaderboard's refits share, so a refit trial is fitted as the saved winner was.</summary>
/// <param name="BaseFeaturizer">The featurizer options each trial's <see cref="FeaturizerChoice"/> is applied to.</param>
/// <param name="Seed">The seed of the fit.</param>
/// <param name="Task">The task; a regression is always early fusion.</param>
/// <param name="Fusion">The fusion the search asked for (auto chooses again at each refit).</param>
/// <param name="StackingFolds">Folds of the late-fusion stacker.</param>
/// <param name="TuneDecisionThreshold">Whether a binary model's decision threshold is tuned.</param>
/// <param name="Metric">The search metric, which picks the threshold's objective.</param>
/// <param name="GroupColumn">The column whose groups stay on one side of a split, or <c>null</c>.</param>
internal sealed record TrialRefit(
    FeaturizerOptions BaseFeaturizer, int Seed, TaskKind Task, FusionKind Fusion, int StackingFolds, bool TuneDecisionThreshold, AutoMLMetric Metric, string? GroupColumn = null)
{
    /// <summary>The refit of a saved search model's trials: its featurizer options, seed, requested fusion and its
    /// stacking folds, threshold tuning and search metric, as its manifest records them.</summary>
    public static TrialRefit From(ModelManifest manifest, SearchSummary search) => new(
        manifest.Featurizer,
        manifest.Seed,
        manifest.Task,
        manifest.Fusion?.Requested ?? FusionKind.Early,
        manifest.Fusion is { StackingFolds: >= 2 } fusion ? fusion.StackingFolds : new TrainingOptions().StackingFolds,
        manifest.DecisionThreshold is not null,
        search.Metric);

    /// <summary>The training options that refit <paramref name="trainer"/> with <paramref name="featurizer"/> on every row, unevaluated.</summary>
    public TrainingOptions Options(TrainerSpec trainer, FeaturizerChoice featurizer) => new()
    {
        Trainer = trainer,
        Featurizer = featurizer.Apply(BaseFeaturizer),
        Evaluation = { Strategy = EvaluationStrategy.None, GroupColumn = GroupColumn },
        Seed = Seed,
        Fusion = Task == TaskKind.Regression ? FusionKind.Early : Fusion,
        StackingFolds = StackingFolds,
        TuneDecisionThreshold = TuneDecisionThreshold,
        Objective = Metric == AutoMLMetric.Accuracy ? ClassificationObjective.Accuracy : ClassificationObjective.MacroF1,
    };
}
