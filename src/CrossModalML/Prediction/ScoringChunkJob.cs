using System.Collections.Concurrent;
using CrossModalML.Execution;

namespace CrossModalML.Prediction;

/// <summary>Scores one chunk of posts: one prediction per post, in order.</summary>
/// <remarks>A worker's instance (<see cref="ByModelPath"/>) loads each model once per process and keeps it for the chunks
/// that follow (keyed by path, settings and the file's size and time, so a replaced model is loaded again); a
/// predictor's own instance scores with that predictor. References to a data root (<c>data:</c> keys) are resolved to this
/// machine's files first.</remarks>
internal sealed class ScoringChunkJob(Func<ScoringChunk, CrossModalPredictor> predictorFor) : WorkJob<ScoringChunk, PostPrediction[]>
{
    private static readonly ConcurrentDictionary<string, Lazy<CrossModalPredictor>> Loaded = new(StringComparer.Ordinal);

    public static ScoringChunkJob ByModelPath { get; } = new(LoadOnce);

    public override string Name => "crossmodal.score";

    public override PostPrediction[] Run(ScoringChunk item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var local = item.Local();
        return [.. predictorFor(local).Predict(local.Posts.ToDataset())];
    }

    private static CrossModalPredictor LoadOnce(ScoringChunk item)
    {
        var file = new FileInfo(item.ModelPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The model '{item.ModelPath}' does not exist on this worker; every worker must see the model's path.", item.ModelPath);
        }

        var key = $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}|{item.AllowedImageRoot}|{item.ImageBaseDirectory}|{item.MaxImagePixels}|{item.Seed}";
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<CrossModalPredictor>(() => CrossModalPredictor.Load(item.ModelPath, item.Options())));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A model that failed to load is tried again by the next chunk rather than remembered as broken.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<CrossModalPredictor>>(key, lazy));
            throw;
        }
    }
}
