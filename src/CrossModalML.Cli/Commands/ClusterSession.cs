using CrossModalML.Cluster;
using CrossModalML.Execution;

namespace CrossModalML.Cli.Commands;

/// <summary>A command's connection to a cluster, closed when the command ends; no connection when working locally.</summary>
internal sealed class ClusterSession : IDisposable
{
    private readonly ClusterConnection? _connection;

    private ClusterSession(ClusterConnection? connection) => _connection = connection;

    /// <summary>The cluster's executor, or <c>null</c> when the command works locally.</summary>
    public IWorkExecutor? Executor => _connection?.Executor;

    public static ClusterSession Open(ClusterConnectionOptions? options, int inFlight, CancellationToken cancellationToken) =>
        new(options is null ? null : ClusterConnection.ConnectAsync(options, inFlight, cancellationToken).GetAwaiter().GetResult());

    public void Dispose() => _connection?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
