using System.Runtime.ExceptionServices;

namespace CrossModalML.Execution;

/// <summary>Runs work in this process, each item using every core as the job itself does (the encoders batch across
/// cores, scoring uses pooled engines, a trial's trainers are multi-threaded), by default one item after another.</summary>
/// <remarks>Stateless and thread-safe; <see cref="Instance"/> is what every job uses when no executor is given.</remarks>
public sealed class LocalWorkExecutor : IWorkExecutor
{
    private readonly int _itemsAtOnce;

    /// <summary>Creates a local executor.</summary>
    /// <param name="itemsAtOnce">Items run at the same time, at least 1; results keep the input order either way.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemsAtOnce"/> is less than 1.</exception>
    public LocalWorkExecutor(int itemsAtOnce = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsAtOnce, 1);
        _itemsAtOnce = itemsAtOnce;
    }

    /// <inheritdoc />
    public int ItemsAtOnce => _itemsAtOnce;

    /// <summary>The local executor that runs one item at a time.</summary>
    public static LocalWorkExecutor Instance { get; } = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(items);
        var results = new TResult[items.Count];
        if (_itemsAtOnce == 1 || items.Count < 2)
        {
            for (int i = 0; i < items.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = job.Run(items[i], cancellationToken);
            }

            return Task.FromResult<IReadOnlyList<TResult>>(results);
        }

        return Task.Run<IReadOnlyList<TResult>>(() =>
        {
            try
            {
                Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = _itemsAtOnce, CancellationToken = cancellationToken },
                    i => results[i] = job.Run(items[i], cancellationToken));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // The caller sees the item's own exception, as when items run one after another.
                ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            return results;
        }, CancellationToken.None);
    }
}
