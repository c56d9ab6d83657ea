using CrossModalML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Per-post modality contributions from a loaded late-fusion model (see <see cref="ModalityContributions"/>).</summary>
/// <remarks>Thread-safe.</remarks>
internal static class PredictorExplanation
{
    /// <exception cref="InvalidOperationException">The model is not a late-fusion model.</exception>
    /// <exception cref="ImagePathException">An image of the posts is outside the allowed root.</exception>
    public static IReadOnlyList<PostContributions> ExplainModalities(ModelGeneration generation, PostDataset posts, PredictorInput input)
    {
        var manifest = generation.Manifest;
        if (manifest.Fusion is not { Kind: FusionKind.Late } fusion)
        {
            throw new InvalidOperationException(
                $"The model is an {manifest.FittedFusion()}-fusion model; per-modality stacker contributions need late fusion (train with TrainingOptions.Fusion = FusionKind.Late or Auto).");
        }

        input.EnsureImagesAllowed(posts);
        return ModalityContributions.Compute(generation.Package.Model, fusion, manifest.ClassLabels, posts.DataView);
    }
}
