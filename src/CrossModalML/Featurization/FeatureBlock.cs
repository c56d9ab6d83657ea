namespace CrossModalML.Featurization;

/// <summary>Where one block sits in a fitted featurizer's fused feature vector.</summary>
/// <param name="Group">The block.</param>
/// <param name="Start">Its first slot in the features.</param>
/// <param name="Width">Its slot count.</param>
internal sealed record FeatureBlock(FeatureGroup Group, int Start, int Width);
