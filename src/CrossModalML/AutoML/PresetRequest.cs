namespace CrossModalML.AutoML;

/// <summary>What the user asked for, for <see cref="QualityPresetPlanner"/>: a preset and the explicit settings that override it.</summary>
public sealed record PresetRequest
{
    /// <summary>The preset. Default <see cref="QualityPreset.Balanced"/>.</summary>
    public QualityPreset Preset { get; init; } = QualityPreset.Balanced;

    /// <summary>An explicit search time budget; overrides the preset's (and turns a <see cref="QualityPreset.Fast"/> run into a search).</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>An explicit trial count; overrides the preset's (and turns a <see cref="QualityPreset.Fast"/> run into a search).</summary>
    public int? MaxTrials { get; init; }

    /// <summary>How many pretrained encoders the featurizer runs (an ONNX image model, word or sentence vectors); each
    /// widens the features and lengthens the preset's search budget (<see cref="SearchBudgetRule"/>).</summary>
    public int PretrainedEncoders { get; init; }

    /// <summary>Whether the user chose the encoders (an image encoder or ONNX image model, a sentence encoder or word
    /// vectors): the preset then keeps the user's features as they are.</summary>
    public bool EncodersChosen { get; init; }

    /// <summary>Whether the user turned evaluation off (<c>EvaluationStrategy.None</c>): a search needs validation scores, so
    /// without an explicit budget the run is one fit (with the preset's features).</summary>
    public bool NoEvaluation { get; init; }

    /// <summary>Whether the user fixed the trainer: the run is then one fit of it, whatever the preset.</summary>
    public bool TrainerFixed { get; init; }

    /// <summary>The user's group column; <c>null</c> lets the planner choose (<see cref="QualityPresetPlanner.SharedImageColumn"/>).</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Whether the user turned grouping off (CLI: <c>--group-by none</c>): splits are then random, stratified by label.</summary>
    public bool NoGrouping { get; init; }

    /// <summary>Whether the user asked for an ensemble of the search's best trials (CLI: <c>--ensemble</c>); <see cref="QualityPreset.Best"/> builds one anyway.</summary>
    public bool Ensemble { get; init; }

    /// <summary>Whether splits follow a time column; grouping is then not added (a split is by time or by group, not both).</summary>
    public bool TimeSplit { get; init; }
}
