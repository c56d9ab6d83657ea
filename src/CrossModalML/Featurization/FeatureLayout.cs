using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Featurization;

/// <summary>The slots of every block of a fitted featurizer's fused vector. The blocks are concatenated in
/// <see cref="FeaturizationPipeline.Groups"/> order, so each starts where the one before it ends; their widths are known
/// only once the featurizer is fitted (an n-gram block's width is its vocabulary).</summary>
/// <param name="Blocks">Every block, in feature order.</param>
/// <param name="Width">The fused vector's length.</param>
internal sealed record FeatureLayout(IReadOnlyList<FeatureBlock> Blocks, int Width)
{
    /// <summary>The layout of a fitted featurizer.</summary>
    /// <param name="groups">The featurizer's blocks (<see cref="FeaturizationPipeline.Groups"/>).</param>
    /// <param name="featurized">The fitted featurizer's output schema, which has every block's column.</param>
    /// <exception cref="InvalidOperationException">A block is not a vector of known length, or the blocks do not add up to the features.</exception>
    public static FeatureLayout Of(IReadOnlyList<FeatureGroup> groups, DataViewSchema featurized)
    {
        var blocks = new List<FeatureBlock>(groups.Count);
        int start = 0;
        foreach (var group in groups)
        {
            // A one-number block (e.g. the image-missing flag) is a scalar column.
            int width = featurized.GetColumnOrNull(group.OutputColumn)?.Type switch
            {
                VectorDataViewType { Size: > 0 } vector => vector.Size,
                NumberDataViewType => 1,
                _ => throw new InvalidOperationException($"The feature block '{group.Name}' ({group.OutputColumn}) is neither a number nor a vector of known length."),
            };
            blocks.Add(new FeatureBlock(group, start, width));
            start += width;
        }

        int features = ((VectorDataViewType)featurized[FeaturizationPipeline.FeaturesColumnName].Type).Size;
        if (features != start)
        {
            throw new InvalidOperationException($"The feature blocks add up to {start} slots, but the features have {features}.");
        }

        return new FeatureLayout(blocks, features);
    }

    /// <summary>The modalities that have at least one block.</summary>
    public Modality Modalities => FeaturizationPipeline.ModalitiesOf(Blocks.Select(b => b.Group));

    /// <summary>The blocks of <paramref name="modalities"/>, in feature order.</summary>
    public IReadOnlyList<FeatureBlock> BlocksOf(Modality modalities) => Blocks.Where(b => (b.Group.Modality & modalities) != 0).ToList();
}
