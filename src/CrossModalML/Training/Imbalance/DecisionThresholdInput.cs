using Microsoft.ML.Data;

namespace CrossModalML.Training.Imbalance;

/// <summary>Input of the decision-threshold step: the binary model's scalar output and the constants the step stored.</summary>
public sealed class DecisionThresholdInput
{
    /// <summary>The model's <c>Probability</c>, or its <c>Score</c> when it has no calibrated probability.</summary>
    [ColumnName(DecisionThresholdStep.ValueColumn)]
    public float Value { get; set; }

    /// <summary>The tuned threshold on the positive-class probability.</summary>
    [ColumnName(DecisionThresholdStep.ThresholdColumn)]
    public double Threshold { get; set; }

    /// <summary>Whether <see cref="Value"/> is an uncalibrated margin that a logistic turns into a probability.</summary>
    [ColumnName(DecisionThresholdStep.MarginColumn)]
    public bool IsMargin { get; set; }
}
