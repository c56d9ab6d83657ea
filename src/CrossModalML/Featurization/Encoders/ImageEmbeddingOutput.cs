using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Output row of the ResNet18 mapping.</summary>
public sealed class ImageEmbeddingOutput
{
    /// <summary>The image's embedding; zeros when the image is missing or unreadable.</summary>
    [ColumnName(ColumnNames.ImageEmbedding)]
    [VectorType(ResNet18Encoder.Width)]
    public float[] Embedding { get; set; } = new float[ResNet18Encoder.Width];

    /// <summary>1 when the image is missing or unreadable, else 0.</summary>
    [ColumnName(ColumnNames.ImageMissing)]
    public float Missing { get; set; }
}
