using CrossModalML.Data;
using CrossModalML.IO;

namespace CrossModalML.Prediction;

/// <summary>Posts for one model to score, with the settings a worker loads that model with.</summary>
/// <param name="ModelPath">The model zip's full path, which every worker must see, or its key under the workers' data root
/// (see <see cref="BlobReference"/>); image paths and the two folders below may be keys in the same way.</param>
/// <param name="AllowedImageRoot">The predictor's <see cref="PredictorOptions.AllowedImageRoot"/>.</param>
/// <param name="ImageBaseDirectory">The predictor's <see cref="PredictorOptions.ImageBaseDirectory"/>.</param>
/// <param name="MaxImagePixels">The predictor's <see cref="PredictorOptions.MaxImagePixels"/>.</param>
/// <param name="Seed">The predictor's <see cref="PredictorOptions.Seed"/>.</param>
/// <param name="Posts">The chunk.</param>
internal sealed record ScoringChunk(string ModelPath, string? AllowedImageRoot, string? ImageBaseDirectory, long MaxImagePixels, int Seed, PortablePosts Posts)
{
    /// <summary>The chunk as it travels to the executor's workers: paths under <paramref name="dataRoot"/> as keys.</summary>
    public ScoringChunk ForWorker(string? dataRoot)
    {
        if (dataRoot is null)
        {
            return this;
        }

        var key = BlobReference.ForWorker(dataRoot);
        return new(key(ModelPath), Map(AllowedImageRoot, key), Map(ImageBaseDirectory, key), MaxImagePixels, Seed, Posts.ForWorker(dataRoot));
    }

    /// <summary>The chunk with every reference resolved to a file this machine opens (unchanged for local paths).</summary>
    public ScoringChunk Local() => new(
        BlobReference.ToLocalPath(ModelPath), Map(AllowedImageRoot, BlobReference.ToLocalPath), Map(ImageBaseDirectory, BlobReference.ToLocalPath),
        MaxImagePixels, Seed, Posts.Local());

    public PredictorOptions Options() => new()
    {
        AllowedImageRoot = AllowedImageRoot,
        ImageBaseDirectory = ImageBaseDirectory,
        MaxImagePixels = MaxImagePixels,
        Seed = Seed,
    };

    private static string? Map(string? path, Func<string, string> map) => path is null ? null : map(path);
}
