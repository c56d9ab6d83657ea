using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace CrossModalML.Cluster;

/// <summary>Runs one work item on the silo it was placed on, then deactivates: each item is a fresh activation, placed
/// on the silo with the fewest activations, so items spread over the cluster and a retried item is placed anew.</summary>
/// <remarks>The work runs on the thread pool, off the grain's turn scheduler, and uses every core of the silo's machine as
/// it would locally, or the worker's share of them (<see cref="WorkerOptions.OnnxThreads"/>) for ONNX Runtime.</remarks>
[ActivationCountBasedPlacement]
internal sealed class WorkItemGrain : Grain, IWorkItemGrain
{
    public async Task<byte[]> RunAsync(string job, byte[] item, CancellationToken cancellationToken)
    {
        try
        {
            if (ServiceProvider.GetService<WorkerThreads>() is { } threads)
            {
                await threads.ApplyAsync(GrainFactory, ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress).ConfigureAwait(true);
            }

            var work = CrossModalWorkJobs.Find(job);
            return await Task.Run(() => work.Run(item, cancellationToken), cancellationToken).ConfigureAwait(true);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
