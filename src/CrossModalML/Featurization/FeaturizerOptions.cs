using System.Text.Json.Serialization;

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

    /// <summary>How blocks are scaled for linear trainers. Default <see cref="FeatureScaling.MinMax"/>; an AutoML search
    /// starts at <see cref="FeatureScaling.Blocks"/>, which is faster to fit and more accurate on text + image posts.</summary>
    public FeatureScaling Scaling { get; set; } = FeatureScaling.MinMax;

    /// <summary>With <see cref="FeatureScaling.Blocks"/>, the factor on every image feature (the text block has 1): above 1
    /// the image counts for more than the text. Ignored with <see cref="FeatureScaling.MinMax"/>. Default 1.</summary>
    public double ImageWeight { get; set; } = 1;

    /// <summary>With <see cref="FeatureScaling.Blocks"/>, the factor on every metadata feature (the text block has 1).
    /// Ignored with <see cref="FeatureScaling.MinMax"/>. Default 1.</summary>
    public double MetadataWeight { get; set; } = 1;

    /// <summary>Where the pretrained encoders keep their encodings; <c>null</c> (default) for
    /// <see cref="EncoderCacheOptions.Default"/>. A machine setting, never written to a manifest.</summary>
    [JsonIgnore]
    public EncoderCacheOptions? EncoderCache { get; set; }

    /// <summary>Where the pretrained encoders run their shards of distinct inputs; <c>null</c> (default) for
    /// <see cref="Execution.LocalWorkExecutor"/>, this process on all cores. A cluster executor encodes them on its
    /// workers, which must see the same image paths; the encodings are identical either way. A machine setting, never
    /// written to a manifest.</summary>
    [JsonIgnore]
    public Execution.IWorkExecutor? Executor { get; set; }

    /// <summary>Receives counts of featurization: the inputs each pretrained encoder has encoded (cache hits included)
    /// while a fit prefetches them, and the rows featurized into memory by an AutoML search or a multi-task fit;
    /// <c>null</c> (default) for none. Reports arrive on the thread doing the work, throttled. The front
    /// door passes them on to its own progress as well. A machine setting, never written to a manifest.</summary>
    [JsonIgnore]
    public IProgress<FeaturizationProgress>? Progress { get; set; }

    /// <summary>A shallow copy whose <see cref="Progress"/> also reports to <paramref name="progress"/>, so a caller's
    /// options are not changed; these options themselves when <paramref name="progress"/> is <c>null</c>.</summary>
    internal FeaturizerOptions WithProgress(IProgress<FeaturizationProgress>? progress)
    {
        if (progress is null)
        {
            return this;
        }

        var copy = (FeaturizerOptions)MemberwiseClone();
        copy.Progress = FeaturizationProgressRelay.Combine(Progress, progress);
        return copy;
    }

    internal void Validate()
    {
        Text.Validate();
        (EncoderCache ?? EncoderCacheOptions.Default).Validate();
        if (!(ImageWeight > 0 && double.IsFinite(ImageWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(ImageWeight), ImageWeight, "The image weight must be a positive number, such as 1 (as much as the text) or 0.5.");
        }

        if (!(MetadataWeight > 0 && double.IsFinite(MetadataWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(MetadataWeight), MetadataWeight, "The metadata weight must be a positive number, such as 1 (as much as the text) or 0.5.");
        }
    }
}
