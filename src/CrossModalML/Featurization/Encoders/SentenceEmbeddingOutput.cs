using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Output row of the MiniLM mapping.</summary>
public sealed class SentenceEmbeddingOutput
{
    /// <summary>The unit-length sentence embedding.</summary>
    [ColumnName(ColumnNames.SentenceEmbedding)]
    [VectorType(SentenceNetwork.MiniLmWidth)]
    public float[] Embedding { get; set; } = new float[SentenceNetwork.MiniLmWidth];
}
