using Microsoft.ML.Data;

namespace CrossModalML.Training.Ensemble;

/// <summary>Input of the ensemble mappings: every member's probabilities concatenated, each repeated as often as the
/// member was selected, and the first member's alone (its length is the width of one member's block).</summary>
public sealed class EnsembleScoresInput
{
    /// <summary>The members' probability blocks, one block per selection.</summary>
    [ColumnName(EnsembleModelBuilder.StackedColumn)]
    [VectorType]
    public float[] Stacked { get; set; } = [];

    /// <summary>The first member's block.</summary>
    [ColumnName(EnsembleModelBuilder.FirstMemberColumn)]
    [VectorType]
    public float[] First { get; set; } = [];
}
