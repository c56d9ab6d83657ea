using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Metadata;

/// <summary>Output row of the signed-log mapping.</summary>
public sealed class SignedLogOutput
{
    /// <summary>sign(x)·log(1 + |x|), NaN kept as NaN so missing values stay detectable.</summary>
    [ColumnName(SignedLogMappingFactory.OutputColumn)]
    public float Value { get; set; }
}
