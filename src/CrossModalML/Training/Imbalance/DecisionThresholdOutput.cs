using CrossModalML.Evaluation;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Imbalance;

/// <summary>Output of the decision-threshold step: the binary decision at the tuned threshold, replacing the model's own.</summary>
public sealed class DecisionThresholdOutput
{
    /// <summary>Whether the positive-class probability reaches the threshold.</summary>
    [ColumnName(ModelColumns.PredictedLabel)]
    public bool PredictedLabel { get; set; }
}
