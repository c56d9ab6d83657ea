using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Embedding;

/// <summary>Where one modality's dimensions sit inside a post embedding.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="Offset">Index of its first dimension.</param>
/// <param name="Length">Number of its dimensions.</param>
/// <param name="SourceWidth">Width of the featurizer's vector before reduction.</param>
public sealed record EmbeddingBlock(Modality Modality, int Offset, int Length, int SourceWidth);
