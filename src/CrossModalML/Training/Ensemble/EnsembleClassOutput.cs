using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Training.Ensemble;

/// <summary>Output of the multiclass ensemble mapping: the averaged class probabilities and the most probable class's index.</summary>
public sealed class EnsembleClassOutput
{
    /// <summary>The weighted average of the members' class probabilities.</summary>
    [ColumnName(ModelColumns.Score)]
    [VectorType]
    public float[] Score { get; set; } = [];

    /// <summary>The 0-based index of the most probable class.</summary>
    [ColumnName(EnsembleModelBuilder.ClassIndexColumn)]
    public uint ClassIndex { get; set; }
}
