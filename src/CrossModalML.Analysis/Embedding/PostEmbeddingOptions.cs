using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Embedding;

/// <summary>Settings of <see cref="PostEmbedder"/>.</summary>
public sealed class PostEmbeddingOptions
{
    /// <summary>The featurizer settings used for each modality (its <see cref="FeaturizerOptions.Modalities"/> picks which
    /// modalities are embedded). Default: every modality; text as word unigram TF-IDF without character n-grams or
    /// social-signal counts, which for similarity would drown the words that say what a post is about.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new()
    {
        Text = new TextFeaturizerOptions { WordNgramLength = 1, UseCharNgrams = false, UseSocialSignals = false },
    };

    /// <summary>Dimensions kept from the text block (principal components of its TF-IDF vector). Default 24.</summary>
    public int TextDimensions { get; set; } = 24;

    /// <summary>Dimensions kept from the image block. Default 16.</summary>
    public int ImageDimensions { get; set; } = 16;

    /// <summary>Dimensions kept from the metadata block. Default 16.</summary>
    public int MetadataDimensions { get; set; } = 16;

    /// <summary>
    /// Whether each modality block is scaled to the same mean squared length, so that no modality dominates distances
    /// because it has more dimensions. Default true.
    /// </summary>
    public bool BalanceModalities { get; set; } = true;

    /// <summary>Seed of the principal-component fits. Default 1.</summary>
    public int Seed { get; set; } = 1;

    internal int DimensionsOf(Modality modality) => modality switch
    {
        Modality.Text => TextDimensions,
        Modality.Image => ImageDimensions,
        _ => MetadataDimensions,
    };

    internal void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(TextDimensions), TextDimensions), (nameof(ImageDimensions), ImageDimensions), (nameof(MetadataDimensions), MetadataDimensions) })
        {
            if (value is < 1 or > 1024)
            {
                throw new ArgumentOutOfRangeException(name, value, "Each modality keeps between 1 and 1,024 dimensions.");
            }
        }
    }
}
