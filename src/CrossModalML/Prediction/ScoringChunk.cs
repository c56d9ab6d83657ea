using CrossModalML.Data;

namespace CrossModalML.Prediction;

/// <summary>Posts for one model to score, with the settings a worker loads that model with.</summary>
/// <param name="ModelPath">The model zip's full path, which every worker must see.</param>
/// <param name="AllowedImageRoot">The predictor's <see cref="PredictorOptions.AllowedImageRoot"/>.</param>
/// <param name="ImageBaseDirectory">The predictor's <see cref="PredictorOptions.ImageBaseDirectory"/>.</param>
/// <param name="MaxImagePixels">The predictor's <see cref="PredictorOptions.MaxImagePixels"/>.</param>
/// <param name="Seed">The predictor's <see cref="PredictorOptions.Seed"/>.</param>
/// <param name="Posts">The chunk.</param>
internal sealed record ScoringChunk(string ModelPath, string? AllowedImageRoot, string? ImageBaseDirectory, long MaxImagePixels, int Seed, PortablePosts Posts)
{
    public PredictorOptions Options() => new()
    {
        AllowedImageRoot = AllowedImageRoot,
        ImageBaseDirectory = ImageBaseDirectory,
        MaxImagePixels = MaxImagePixels,
        Seed = Seed,
    };
}
