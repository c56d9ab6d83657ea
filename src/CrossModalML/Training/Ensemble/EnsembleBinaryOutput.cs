using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Training.Ensemble;

/// <summary>Output of the binary ensemble mapping, in the columns ML.NET's calibrated binary models write.</summary>
public sealed class EnsembleBinaryOutput
{
    /// <summary>The weighted average of the members' positive-class probabilities.</summary>
    [ColumnName(ModelColumns.Probability)]
    public float Probability { get; set; }

    /// <summary>The log-odds of <see cref="Probability"/>.</summary>
    [ColumnName(ModelColumns.Score)]
    public float Score { get; set; }

    /// <summary>Whether <see cref="Probability"/> is at least 0.5.</summary>
    [ColumnName(ModelColumns.PredictedLabel)]
    public bool PredictedLabel { get; set; }
}
