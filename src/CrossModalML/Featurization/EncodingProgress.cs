namespace CrossModalML.Featurization;

/// <summary>How far a pretrained encoder (ResNet18, MiniLM) is through the distinct inputs of one fit, reported
/// through <see cref="FeaturizerOptions.Progress"/>.</summary>
/// <param name="Encoder">The encoder's name, e.g. "ResNet18" or "MiniLM".</param>
/// <param name="Done">Distinct inputs with an encoding so far: encoded by the network, read from the disk cache, or
/// without content (an empty text, a missing image). Never decreases within one pass; equals <paramref name="Total"/> in the last report.</param>
/// <param name="Total">Distinct inputs of this pass that were not already encoded by an earlier fit of the same featurizer.</param>
/// <param name="CacheHits">How many of <paramref name="Done"/> came from the disk cache (<see cref="FeaturizerOptions.EncoderCache"/>).</param>
/// <remarks>Reports are throttled: one when the pass starts, then about every hundredth of the inputs (at most a few a
/// second), and always the last one. A pass whose inputs are all known from an earlier fold reports nothing.</remarks>
public sealed record EncodingProgress(string Encoder, int Done, int Total, int CacheHits)
{
    /// <summary>Whether this is the last report of its pass.</summary>
    public bool IsComplete => Done >= Total;
}
