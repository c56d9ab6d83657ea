using CrossModalML.Execution;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Runs every item as a remote worker would: the item is encoded to bytes, run by the worker's job of the same
/// name (found in <see cref="CrossModalWorkJobs"/>, not the caller's instance) and the result decoded from bytes.</summary>
internal sealed class WireExecutor : IWorkExecutor
{
    public List<string> JobsRun { get; } = [];

    public Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        var worker = CrossModalWorkJobs.Find(job.Name);
        var results = items.Select(item => job.DecodeResult(worker.Run(job.EncodeItem(item), cancellationToken))).ToList();
        lock (JobsRun)
        {
            JobsRun.AddRange(items.Select(_ => job.Name));
        }

        return Task.FromResult<IReadOnlyList<TResult>>(results);
    }
}
