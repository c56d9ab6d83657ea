using CrossModalML.Execution;

namespace CrossModalML.Cluster;

/// <summary>Runs work on an Orleans cluster of CrossModalML workers (<c>crossmodal worker</c>, or a silo set up with
/// <see cref="CrossModalClusterHosting.UseCrossModalWorker"/>): each item goes to a worker, at most
/// <see cref="ItemsAtOnce"/> at a time, and the results come back in input order.</summary>
/// <remarks>
/// <para><b>Failures.</b> An item whose attempt fails (its silo stopped or died, a timeout, or the job threw) is run once
/// more as a fresh activation, which the cluster places on a live silo; an item that fails twice fails the run with a
/// <see cref="WorkItemFailedException"/> carrying both causes, and items not yet started are not sent.</para>
/// <para><b>Cancellation</b> reaches the items in flight (their grains see the token) and stops the rest; the run then
/// throws <see cref="OperationCanceledException"/>.</para>
/// <para><b>Capacity.</b> <see cref="ItemsAtOnce"/> is 2 × the active workers × <see cref="ItemsPerWorker"/>, and at
/// least <see cref="MaxInFlight"/>; the workers are counted from the cluster's membership when a run starts (at most every
/// few seconds), so the executor keeps a grown cluster busy and a shrunk one not over-full.</para>
/// <para><b>Data.</b> Items name files (model zips, posts, images) by path, which every worker must then see at that path;
/// or, under <see cref="DataRoot"/>, by key, which each worker reads under its own data root
/// (<see cref="ClusterConnectionOptions.DataRoot"/>).</para>
/// <para>Thread-safe; it does not own the client.</para>
/// </remarks>
public sealed class OrleansWorkExecutor : IWorkExecutor
{
    // Membership is asked again only after this long, so a run of one-item runs (trials) does not ask every time.
    private static readonly TimeSpan WorkersRefresh = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private long _nextKey;
    private int _workers;
    private long _workersCountedTicks;

    /// <summary>Creates an executor over a connected cluster client.</summary>
    /// <param name="grains">The client (an <c>IClusterClient</c>) or a silo's grain factory.</param>
    /// <param name="maxInFlight">The fewest items sent at once, at least 1, however few workers the membership shows (see
    /// <see cref="ItemsAtOnce"/>).</param>
    public OrleansWorkExecutor(IGrainFactory grains, int maxInFlight = 8)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _grains = grains;
        MaxInFlight = maxInFlight;

        // Keys are fresh per attempt; starting from the clock keeps two clients of one cluster apart.
        _nextKey = DateTime.UtcNow.Ticks;
    }

    /// <summary>The fewest items sent at once, whatever the number of workers.</summary>
    public int MaxInFlight { get; }

    /// <summary>Items each active worker is given at once (see <see cref="ClusterConnectionOptions.ItemsPerWorker"/>).
    /// Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ItemsPerWorker
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "ItemsPerWorker");
            field = value;
        }
    } = 1;

    /// <summary>The active workers when they were last counted (0 before the first count).</summary>
    public int ActiveWorkers => Volatile.Read(ref _workers);

    /// <summary>Items sent at once now: 2 × <see cref="ActiveWorkers"/> × <see cref="ItemsPerWorker"/>, at least
    /// <see cref="MaxInFlight"/>.</summary>
    public int ItemsAtOnce => Math.Max(MaxInFlight, 2 * ActiveWorkers * ItemsPerWorker);

    /// <inheritdoc />
    public string? DataRoot { get; init; }

    /// <summary>Counts the cluster's active workers from its membership now.</summary>
    /// <returns>The number of active silos.</returns>
    public async Task<int> CountWorkersAsync()
    {
        var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        Volatile.Write(ref _workers, hosts.Count);
        Volatile.Write(ref _workersCountedTicks, DateTime.UtcNow.Ticks);

        return hosts.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(WorkJob<TItem, TResult> job, IReadOnlyList<TItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(items);
        var results = new TResult[items.Count];
        if (DateTime.UtcNow.Ticks - Volatile.Read(ref _workersCountedTicks) > WorkersRefresh.Ticks)
        {
            await CountWorkersAsync().ConfigureAwait(false);
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(ItemsAtOnce);
        var running = new List<Task>(items.Count);
        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                int index = i;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        results[index] = job.DecodeResult(await RunWithRetryAsync(job.Name, index, job.EncodeItem(items[index]), failed.Token).ConfigureAwait(false));
                    }
                    catch
                    {
                        await failed.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // An item failed; its exception is thrown below.
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception) when (running.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } first)
        {
            throw first.Exception!.InnerException!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    private async Task<byte[]> RunWithRetryAsync(string job, int index, byte[] item, CancellationToken cancellationToken)
    {
        Exception? first = null;
        for (int attempt = 0; ; attempt++)
        {
            var grain = _grains.GetGrain<IWorkItemGrain>(Interlocked.Increment(ref _nextKey));
            try
            {
                return await grain.RunAsync(job, item, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (first is not null)
                {
                    throw new WorkItemFailedException(job, index, first, ex);
                }

                first = ex;
            }
        }
    }
}
