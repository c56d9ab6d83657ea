using Microsoft.ML;

namespace CrossModalML.Featurization;

/// <summary>A featurizer ready to fit: its estimator chain and a description of what it produces.</summary>
public sealed class FeaturizationPipeline
{
    /// <summary>The column holding the fused feature vector.</summary>
    public const string FeaturesColumnName = "Features";

    internal FeaturizationPipeline(IEstimator<ITransformer> estimator, IReadOnlyList<FeatureGroup> groups, ImageModelInfo? imageModel, FeatureScaling scaling, WordVectorModelInfo? wordVectorModel = null, IReadOnlyList<PretrainedEncoderInfo>? encoders = null)
    {
        Encoders = encoders ?? [];
        WordVectorModel = wordVectorModel;
        Scaling = scaling;
        Estimator = estimator;
        Groups = groups;
        ImageModel = imageModel;
    }

    /// <summary>The chain that writes <see cref="FeaturesColumnName"/>.</summary>
    public IEstimator<ITransformer> Estimator { get; }

    /// <summary>The blocks concatenated into the features, in order.</summary>
    public IReadOnlyList<FeatureGroup> Groups { get; }

    /// <summary>The modalities that have at least one block in the features.</summary>
    public Modality Modalities => ModalitiesOf(Groups);

    /// <summary>How the blocks are scaled; with <see cref="FeatureScaling.Blocks"/> the features are ready for a linear
    /// trainer as they are, with <see cref="FeatureScaling.MinMax"/> a linear trainer normalises them first.</summary>
    public FeatureScaling Scaling { get; }

    /// <summary>The ONNX image encoder, when one is used.</summary>
    public ImageModelInfo? ImageModel { get; }

    /// <summary>The pretrained word-vector model, when one is used.</summary>
    public WordVectorModelInfo? WordVectorModel { get; }

    /// <summary>Where counts of the rows this featurizer's output is read into memory go (<see cref="FeaturizerOptions.Progress"/>).</summary>
    internal IProgress<FeaturizationProgress>? Progress { get; init; }

    /// <summary>The pretrained encoders shipped with the library that the featurizer runs (ResNet18, MiniLM, ArcticXs); empty for none.</summary>
    public IReadOnlyList<PretrainedEncoderInfo> Encoders { get; }

    /// <summary>The modalities of some blocks, combined.</summary>
    internal static Modality ModalitiesOf(IEnumerable<FeatureGroup> groups) => groups.Aggregate(Modality.None, (all, group) => all | group.Modality);
}
