using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Output row of the ArcticXs mapping. Its column differs from MiniLM's, so a loaded model's steps say which
/// network they run.</summary>
public sealed class ArcticXsEmbeddingOutput
{
    /// <summary>The unit-length sentence embedding.</summary>
    [ColumnName(ColumnNames.ArcticXsEmbedding)]
    [VectorType(SentenceNetwork.ArcticXsWidth)]
    public float[] Embedding { get; set; } = new float[SentenceNetwork.ArcticXsWidth];
}
