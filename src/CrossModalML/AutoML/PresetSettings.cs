using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Training;

namespace CrossModalML.AutoML;

/// <summary>Turns a quality preset and the caller's <see cref="TrainingOptions"/> into what a run does, as
/// <c>crossmodal train --preset</c> does: the <see cref="PresetRequest"/> the options imply, the options the plan changes
/// (shipped encoders, grouped splits), and the search settings of a plan that searches.</summary>
/// <remarks>The plan itself comes from <see cref="QualityPresetPlanner.Plan"/>; this class only moves settings between
/// the options and the plan, so the library and the command line run a preset identically.</remarks>
public static class PresetSettings
{
    /// <summary>The request the <paramref name="options"/> imply for <paramref name="preset"/>: a fixed trainer (or
    /// over-sampling) means one fit, a group or time column is kept, evaluation turned off means no search without a
    /// budget, and encoders the featurizer already names (an ONNX or ResNet18 image encoder, a sentence encoder, word
    /// vectors) are kept instead of the preset's.</summary>
    /// <param name="preset">The preset.</param>
    /// <param name="options">The caller's training settings.</param>
    /// <param name="budget">An explicit budget whose time or trial count overrides the preset's; <c>null</c> for none.</param>
    public static PresetRequest Request(QualityPreset preset, TrainingOptions options, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var featurizer = options.Featurizer;
        return new PresetRequest
        {
            Preset = preset,
            TimeBudget = budget?.Time,
            MaxTrials = budget?.MaxTrials,
            PretrainedEncoders = (featurizer.Image.Onnx is null ? 0 : 1) + (featurizer.Text.WordVectors is null ? 0 : 1),
            EncodersChosen = featurizer.Image.Kind != ImageFeaturizerKind.BuiltIn || featurizer.Text.SentenceEncoder != SentenceEncoderKind.None || featurizer.Text.WordVectors is not null,
            TrainerFixed = options.Trainer is not null || options.OverSampling,
            GroupColumn = options.Evaluation.GroupColumn,
            TimeSplit = options.Evaluation.TimeColumn is not null,
            NoEvaluation = options.Evaluation.Strategy == EvaluationStrategy.None,
        };
    }

    /// <summary>Applies a plan to the training settings: the shipped encoders it chose
    /// (<see cref="QualityPresetPlanner.ApplyEncoders"/>) and its group column.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">The training settings to change.</param>
    public static void Apply(PresetPlan plan, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        QualityPresetPlanner.ApplyEncoders(plan, options.Featurizer);
        options.Evaluation.GroupColumn = plan.GroupColumn ?? options.Evaluation.GroupColumn;
    }

    /// <summary>The search settings of a plan that searches: the plan's time and trial budget (over those of
    /// <paramref name="budget"/>), the plan's ensemble, and the training settings' seed, featurizer, evaluation, fusion,
    /// stacking folds and threshold tuning.</summary>
    /// <param name="plan">A plan with <see cref="PresetPlan.Search"/> set.</param>
    /// <param name="options">The training settings, after <see cref="Apply"/>.</param>
    /// <param name="budget">Trial time limit, memory caps, metric and tuner; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">The plan does not search.</exception>
    public static AutoMLExperimentOptions Search(PresetPlan plan, TrainingOptions options, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        if (!plan.Search)
        {
            throw new ArgumentException($"The plan is one fit ({plan.BudgetReason}); only a plan that searches has search settings.", nameof(plan));
        }

        budget ??= new SearchBudget();
        return new AutoMLExperimentOptions
        {
            Budget = budget with { Time = plan.TimeBudget ?? budget.Time, MaxTrials = plan.MaxTrials ?? budget.MaxTrials },
            Seed = options.Seed,
            Featurizer = options.Featurizer,
            Evaluation = options.Evaluation,
            Fusion = options.Fusion,
            StackingFolds = options.StackingFolds,
            TuneDecisionThreshold = options.TuneDecisionThreshold,
            Ensemble = plan.Ensemble,
            StartWithBuiltInFeatures = plan.ShippedEncoders,
        };
    }
}
