using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Image;

/// <summary>Output row of the built-in image mapping.</summary>
public sealed class ImageStatisticsOutput
{
    /// <summary>The statistics described by <see cref="ImageStatistics"/>; zeros when the image is missing.</summary>
    [ColumnName(ColumnNames.ImageStatistics)]
    [VectorType(ImageStatistics.Length)]
    public float[] Statistics { get; set; } = new float[ImageStatistics.Length];

    /// <summary>1 when the image is missing or unreadable, else 0.</summary>
    [ColumnName(ColumnNames.ImageMissing)]
    public float Missing { get; set; }
}
