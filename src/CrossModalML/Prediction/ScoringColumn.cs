using CrossModalML.Data;

namespace CrossModalML.Prediction;

/// <summary>A column a post is scored with: its name, its role, and its slot in a <see cref="ScoringInputRow"/>.</summary>
internal sealed record ScoringColumn(string Name, ColumnRole Role, int Index)
{
    /// <summary>Numeric columns are floats in the model's input; every other scored column is text.</summary>
    public bool IsNumber => Role == ColumnRole.Numeric;
}
