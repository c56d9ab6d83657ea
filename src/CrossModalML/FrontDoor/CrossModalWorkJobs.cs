using CrossModalML.AutoML;
using CrossModalML.Execution;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Prediction;

namespace CrossModalML;

/// <summary>The kinds of work a cluster worker runs for the toolkit, found by <see cref="IWorkJob.Name"/>: pretrained-encoder
/// shards, scoring chunks and AutoML trials.</summary>
/// <remarks>A worker's instances load what an item names (a model zip, a data file) from paths every worker sees and keep
/// it for the items that follow, once per process.</remarks>
public static class CrossModalWorkJobs
{
    /// <summary>Every job a worker serves.</summary>
    public static IReadOnlyList<IWorkJob> All { get; } = [EncodingShardJob.Instance, ScoringChunkJob.ByModelPath, TrialJob.Instance];

    /// <summary>The job called <paramref name="name"/>.</summary>
    /// <param name="name">A job's <see cref="IWorkJob.Name"/>.</param>
    /// <exception cref="ArgumentException">No job has that name (a worker older or newer than the client).</exception>
    public static IWorkJob Find(string name) =>
        All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"This worker runs no job named '{name}'; it runs {string.Join(", ", All.Select(j => j.Name))}. Run the same CrossModalML version on the client and the workers.", nameof(name));
}
