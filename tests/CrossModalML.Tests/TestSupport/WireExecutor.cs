using CrossModalML.Execution;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Runs every item as a remote worker would: the item is encoded to bytes, run by the worker's job of the same
/// name (found in <see cref="CrossModalWorkJobs"/>, not the caller's instance) and the result decoded from bytes.</summary>
internal sealed class WireExecutor : IWorkExecutor
{
    public List<string> JobsRun { get; } = [];

    /// <summary>The client's mount of the workers' data, as a cluster connection would give it.</summary>
    public string? DataRoot { get; init; }

    /// <summary>Each item as it travelled, as text.</summary>
    public List<string> Items { get; } = [];

    /// <summary>The size of each item as it travelled.</summary>
    public List<int> ItemBytes { get; } = [];

    public Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        var worker = CrossModalWorkJobs.Find(job.Name);
        var encoded = items.Select(job.EncodeItem).ToList();
        var results = encoded.Select(item => job.DecodeResult(worker.Run(item, cancellationToken))).ToList();
        lock (JobsRun)
        {
            JobsRun.AddRange(items.Select(_ => job.Name));
            ItemBytes.AddRange(encoded.Select(item => item.Length));
            Items.AddRange(encoded.Select(item => System.Text.Encoding.UTF8.GetString(item)));
        }

        return Task.FromResult<IReadOnlyList<TResult>>(results);
    }
}
