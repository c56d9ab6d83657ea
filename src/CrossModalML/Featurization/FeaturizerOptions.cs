namespace CrossModalML.Featurization;

/// <summary>How posts are turned into one feature vector. Stored in the model manifest.</summary>
public sealed class FeaturizerOptions
{
    /// <summary>The modalities to learn from. Default <see cref="Modality.All"/>.</summary>
    public Modality Modalities { get; set; } = Modality.All;

    /// <summary>Text settings.</summary>
    public TextFeaturizerOptions Text { get; set; } = new();

    /// <summary>Image settings.</summary>
    public ImageFeaturizerOptions Image { get; set; } = new();

    /// <summary>Metadata settings.</summary>
    public MetadataFeaturizerOptions Metadata { get; set; } = new();
}
