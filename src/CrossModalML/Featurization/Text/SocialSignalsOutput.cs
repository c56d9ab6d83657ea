using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Text;

/// <summary>Output row of the social-signals mapping.</summary>
public sealed class SocialSignalsOutput
{
    /// <summary>The signals, as described by <see cref="SocialSignals"/>.</summary>
    [ColumnName(ColumnNames.SocialSignals)]
    [VectorType(SocialSignals.Length)]
    public float[] Signals { get; set; } = new float[SocialSignals.Length];
}
