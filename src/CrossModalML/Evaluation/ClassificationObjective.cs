namespace CrossModalML.Evaluation;

/// <summary>The validation metric a training-time choice maximises: which fusion to keep, which decision threshold to use.</summary>
public enum ClassificationObjective
{
    /// <summary>Macro-F1: every class counts the same, however rare. The default.</summary>
    MacroF1,

    /// <summary>Accuracy: the share of posts classified right; favours the majority class on imbalanced data.</summary>
    Accuracy,
}
