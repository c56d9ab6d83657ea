using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Image;

/// <summary>Input row of the image mappings.</summary>
public sealed class ImagePathInput
{
    /// <summary>The image path (empty when the post has no image), copied into a fixed column name.</summary>
    [ColumnName(ColumnNames.ImagePath)]
    public string Path { get; set; } = string.Empty;
}
