using CrossModalML.Execution;

namespace CrossModalML.Cluster.Tests;

/// <summary>Passes work to another executor and counts the items it was given.</summary>
internal sealed class CountingExecutor(IWorkExecutor inner) : IWorkExecutor
{
    private int _items;

    public int Items => Volatile.Read(ref _items);

    public int ItemsAtOnce => inner.ItemsAtOnce;

    public Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _items, items.Count);
        return inner.RunAsync(job, items, cancellationToken);
    }
}
