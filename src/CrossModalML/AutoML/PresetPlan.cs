namespace CrossModalML.AutoML;

/// <summary>The concrete settings a <see cref="PresetRequest"/> comes to on a data set (see <see cref="QualityPresetPlanner"/>).</summary>
public sealed record PresetPlan
{
    /// <summary>The preset the plan came from.</summary>
    public required QualityPreset Preset { get; init; }

    /// <summary>Whether an AutoML search runs (otherwise one fit).</summary>
    public required bool Search { get; init; }

    /// <summary>The search's time budget; <c>null</c> without a search or when only a trial count bounds it.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The search's trial count; <c>null</c> for no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Whether the search ends with a weighted ensemble of its best trials (<see cref="AutoMLExperimentOptions.Ensemble"/>).</summary>
    public bool Ensemble { get; init; }

    /// <summary>Where the budget comes from, for the console and the report: the rule with its figures, or "--time 60".</summary>
    public required string BudgetReason { get; init; }

    /// <summary>The column whose posts stay on one side of every split; <c>null</c> for none.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Why the splits are (or are not) grouped, when the planner chose it; <c>null</c> when the user did.</summary>
    public string? GroupingReason { get; init; }

    /// <summary>Whether the run uses the pretrained encoders shipped with the toolkit: the ResNet18 image embedding for the
    /// image columns and the MiniLM sentence embedding for the text columns (<see cref="QualityPresetPlanner.ApplyEncoders"/>).</summary>
    public bool ShippedEncoders { get; init; }

    /// <summary>Which encoders the run uses and why, for the console and the report.</summary>
    public string? EncoderReason { get; init; }
}
