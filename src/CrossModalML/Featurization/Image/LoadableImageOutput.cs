using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Image;

/// <summary>Output row of the image-availability mapping that guards ML.NET's image loader.</summary>
public sealed class LoadableImageOutput
{
    /// <summary>The image's path when it can be decoded, otherwise the blank placeholder's.</summary>
    [ColumnName(ColumnNames.LoadableImagePath)]
    public string Path { get; set; } = string.Empty;

    /// <summary>1 when the image is missing or unreadable, else 0.</summary>
    [ColumnName(ColumnNames.ImageMissing)]
    public float Missing { get; set; }
}
