using CrossModalML.Featurization;

namespace CrossModalML.MultiTask;

/// <summary>The part of the shared features one head reads: the blocks of its modalities (see
/// <see cref="MultiTaskOptions.HeadModalities"/>), in feature order.</summary>
/// <param name="Modalities">The modalities whose blocks the head reads.</param>
/// <param name="Blocks">The blocks it reads, in feature order.</param>
/// <param name="ReadsEverySlot">Whether those blocks are the whole feature vector.</param>
internal sealed record HeadInput(Modality Modalities, IReadOnlyList<FeatureBlock> Blocks, bool ReadsEverySlot)
{
    /// <summary>How many slots the head reads.</summary>
    public int Width => Blocks.Sum(b => b.Width);

    /// <summary>The featurizer's columns of the blocks, in feature order: concatenated, they are the head's slots.</summary>
    public IReadOnlyList<string> Columns => Blocks.Select(b => b.Group.OutputColumn).ToList();

    /// <summary>The input of a head that reads the blocks of <paramref name="modalities"/> of <paramref name="layout"/>.</summary>
    /// <param name="layout">The fitted featurizer's blocks.</param>
    /// <param name="modalities">The modalities the head reads.</param>
    /// <exception cref="InvalidOperationException">No block of <paramref name="modalities"/> exists.</exception>
    public static HeadInput For(FeatureLayout layout, Modality modalities)
    {
        var blocks = layout.BlocksOf(modalities);
        if (blocks.Count == 0)
        {
            throw new InvalidOperationException($"No feature block is of {modalities}; the blocks are {string.Join(", ", layout.Blocks.Select(b => b.Group.Name))}.");
        }

        return new HeadInput(modalities & layout.Modalities, blocks, blocks.Count == layout.Blocks.Count);
    }

    /// <summary>The head's slots of some rows of the shared features.</summary>
    /// <param name="features">Shared feature vectors.</param>
    public FeatureMatrix Select(FeatureMatrix features) =>
        ReadsEverySlot ? features : features.SelectSlots(Blocks.Select(b => (b.Start, b.Width)).ToList());
}
