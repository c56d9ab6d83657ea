namespace CrossModalML.Execution;

/// <summary>Runs the items of one kind of work and returns their results in input order: where the toolkit's three
/// large jobs (pretrained-encoder shards, scoring chunks, AutoML trials) are executed.</summary>
/// <remarks>
/// <para><see cref="LocalWorkExecutor"/> runs them in this process, as the toolkit always did. A cluster executor
/// (the CrossModalML.Cluster package) sends each item to a worker that knows the job by its <see cref="IWorkJob.Name"/>;
/// the caller merges the results exactly as it merges local ones, so the outcome does not depend on where the work
/// ran.</para>
/// <para>Implementations are thread-safe. Cancellation stops items not yet started and throws
/// <see cref="OperationCanceledException"/>; an item that fails throws (a cluster executor first retries it once
/// elsewhere).</para>
/// </remarks>
public interface IWorkExecutor
{
    /// <summary>Runs every item of <paramref name="job"/>.</summary>
    /// <typeparam name="TItem">A self-contained description of one piece of work.</typeparam>
    /// <typeparam name="TResult">What one item gives.</typeparam>
    /// <param name="job">The kind of work.</param>
    /// <param name="items">The items, in the order their results are wanted.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>One result per item, in the order of <paramref name="items"/>.</returns>
    Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default);

    /// <summary>How many items the executor runs at once now; a caller that hands out items in waves makes each wave
    /// at least twice this large so that no worker waits for the slowest item of a wave. Default 1.</summary>
    int ItemsAtOnce => 1;

    /// <summary>This machine's mount of the data the executor's workers read, or <see langword="null"/> (default) when
    /// they see every file at the path this machine does. Paths under it travel in items as keys relative to it
    /// (<c>data:images/1.jpg</c>), which each worker resolves under its own data root, so the workers may mount the
    /// data elsewhere.</summary>
    string? DataRoot => null;
}
