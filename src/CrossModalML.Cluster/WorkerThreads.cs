using CrossModalML.Featurization;

namespace CrossModalML.Cluster;

/// <summary>Sets a worker's ONNX Runtime threads (<see cref="EncoderThreads"/>) once, before its first item: the count
/// <see cref="WorkerOptions.OnnxThreads"/> gives, or this machine's cores shared among the active workers on it.</summary>
/// <remarks>Counted at the first item rather than at start-up, when workers started together may not all have joined
/// yet. Thread-safe.</remarks>
internal sealed class WorkerThreads(int configured)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _applied;

    /// <summary>The threads each session of this worker uses once applied (0 before).</summary>
    public int Applied { get; private set; }

    public async Task ApplyAsync(IGrainFactory grains, SiloAddress self)
    {
        if (Volatile.Read(ref _applied))
        {
            return;
        }

        await _once.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_applied)
            {
                return;
            }

            int threads = configured;
            if (threads == 0)
            {
                var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
                threads = Share(Environment.ProcessorCount, hosts.Keys.Count(silo => silo.Endpoint.Address.Equals(self.Endpoint.Address)));
            }

            EncoderThreads.IntraOpThreads = threads;
            Applied = threads;
            Volatile.Write(ref _applied, true);
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>Each of <paramref name="workersHere"/> workers' share of <paramref name="cores"/>, at least one.</summary>
    public static int Share(int cores, int workersHere) => Math.Max(1, cores / Math.Max(1, workersHere));
}
