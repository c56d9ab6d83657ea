namespace CrossModalML.Cluster;

/// <summary>A worker that runs one item of a toolkit job (see <see cref="CrossModalWorkJobs"/>) and returns its encoded result.</summary>
public interface IWorkItemGrain : IGrainWithIntegerKey
{
    /// <summary>Runs an item.</summary>
    /// <param name="job">The job's name.</param>
    /// <param name="item">The item, encoded by the job.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up on the item.</param>
    /// <returns>The encoded result.</returns>
    Task<byte[]> RunAsync(string job, byte[] item, CancellationToken cancellationToken);
}
