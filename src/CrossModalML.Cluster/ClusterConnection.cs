using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossModalML.Cluster;

/// <summary>A connected client of a CrossModalML cluster and the executor that runs work on it.</summary>
/// <remarks>Dispose it to close the connection. The executor may be used from many threads while the connection is open,
/// e.g. as <c>FeaturizerOptions.Executor</c> or with <c>CrossModalPredictor.PredictChunksAsync</c>.</remarks>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, int maxInFlight, ClusterConnectionOptions options)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
        Executor = new OrleansWorkExecutor(Client, maxInFlight) { ItemsPerWorker = options.ItemsPerWorker, DataRoot = options.DataRoot };
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Runs work on the cluster's workers.</summary>
    public OrleansWorkExecutor Executor { get; }

    /// <summary>Connects to a cluster.</summary>
    /// <param name="options">The cluster to join.</param>
    /// <param name="maxInFlight">The fewest work items sent at once (see <see cref="OrleansWorkExecutor.ItemsAtOnce"/>).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterConnectionOptions options, int maxInFlight = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client.UseCrossModalCluster(options))
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var connection = new ClusterConnection(host, maxInFlight, options);
        try
        {
            await connection.Executor.CountWorkersAsync().ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
