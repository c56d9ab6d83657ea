namespace CrossModalML.AutoML;

/// <summary>How much time and effort training spends for quality; <see cref="QualityPresetPlanner"/> turns a preset into
/// concrete settings.</summary>
public enum QualityPreset
{
    /// <summary>One fit of the task's default trainer on the default features: the quickest model, no search.</summary>
    Fast = 0,

    /// <summary>The default: an AutoML search whose time budget grows with the data (<see cref="SearchBudgetRule"/>),
    /// starting from the <see cref="Fast"/> configuration.</summary>
    Balanced,

    /// <summary>A longer search (<see cref="SearchBudgetRule.BestFactor"/> times the <see cref="Balanced"/> budget) that ends
    /// with a weighted ensemble of its best trials.</summary>
    Best,
}
