namespace CrossModalML.Featurization;

/// <summary>How far one counted step of featurization is: a pretrained encoder (ResNet18, MiniLM, ArcticXs) through the distinct
/// inputs of a fit, or the featurizer through the rows it turns into feature vectors. Reported through
/// <see cref="FeaturizerOptions.Progress"/>.</summary>
/// <param name="Stage">The encoder's name ("ResNet18", "MiniLM", "ArcticXs") or <see cref="Rows"/>.</param>
/// <param name="Done">Items done so far: for an encoder, distinct inputs with an encoding (encoded by the network, read
/// from the disk cache, or without content such as an empty text or a missing image); for <see cref="Rows"/>, rows
/// featurized. Never decreases within one pass; equals <paramref name="Total"/> in the pass's last report.</param>
/// <param name="Total">Items of this pass. For an encoder, inputs an earlier fit of the same featurizer already encoded
/// are not counted.</param>
/// <param name="CacheHits">How many of <paramref name="Done"/> came from the encoders' disk cache
/// (<see cref="FeaturizerOptions.EncoderCache"/>); 0 for <see cref="Rows"/>.</param>
/// <remarks>Reports are throttled: one when a pass starts, then about every hundredth of its items (at most five a
/// second), and always the last one. A pass with nothing to do reports nothing.</remarks>
public sealed record FeaturizationProgress(string Stage, int Done, int Total, int CacheHits = 0)
{
    /// <summary>The <see cref="Stage"/> of reading featurized rows into memory (an AutoML search's feature cache, a
    /// multi-task model's shared features).</summary>
    public const string Rows = "rows";

    /// <summary>Whether this is the last report of its pass.</summary>
    public bool IsComplete => Done >= Total;
}
