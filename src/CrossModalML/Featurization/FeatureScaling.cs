namespace CrossModalML.Featurization;

/// <summary>How the fused feature vector is scaled for linear trainers.</summary>
public enum FeatureScaling
{
    /// <summary>Every slot is divided by its largest magnitude on the training rows just before a linear trainer (ML.NET's
    /// min–max normaliser, which keeps zeros at zero). Simple, but it lifts rare n-grams to the same scale as common ones
    /// and lets a wide dense block (a 1,280-d image embedding) outweigh the text.</summary>
    MinMax,

    /// <summary>Each block is scaled on its own inside the featurizer, so that every block has about unit length per row:
    /// the text n-grams keep their L2-normalised TF-IDF; dense blocks (social signals, image features, numbers) are
    /// standardised per slot (mean 0, variance 1 on the training rows) and divided by √(slots). Image and metadata blocks
    /// are then multiplied by <see cref="FeaturizerOptions.ImageWeight"/> and <see cref="FeaturizerOptions.MetadataWeight"/>,
    /// which set each modality's influence against the text. No further normalisation is applied before the trainer.</summary>
    Blocks,
}
