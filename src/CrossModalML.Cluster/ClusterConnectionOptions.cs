using System.Net;

namespace CrossModalML.Cluster;

/// <summary>Which cluster to join and how its members are found; shared by workers and clients.</summary>
public class ClusterConnectionOptions
{
    /// <summary>How members are found. Default <see cref="ClusteringKind.Localhost"/>.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>The database or Redis connection string for <see cref="ClusteringKind.AdoNet"/> and <see cref="ClusteringKind.Redis"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The ADO.NET provider's invariant name, e.g. <c>Npgsql</c>, <c>Microsoft.Data.SqlClient</c> or
    /// <c>MySql.Data.MySqlClient</c> (the application references that provider and has created Orleans's membership
    /// tables). Default <c>Npgsql</c>.</summary>
    public string AdoNetInvariant { get; set; } = "Npgsql";

    /// <summary>The cluster's id; workers and clients of one cluster share it. Default <c>crossmodal</c>.</summary>
    public string ClusterId { get; set; } = "crossmodal";

    /// <summary>The service's id, stable across deployments. Default <c>crossmodal</c>.</summary>
    public string ServiceId { get; set; } = "crossmodal";

    /// <summary>With <see cref="ClusteringKind.Localhost"/>, the gateways a client connects to. Default 127.0.0.1:30000.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; set; } = [new(IPAddress.Loopback, 30000)];

    /// <summary>How long a caller waits for one work item's answer before the item counts as failed (and is sent once
    /// more). Default 10 minutes: an encoding shard of 256 images can take minutes on a busy machine, far longer than
    /// Orleans's own 30 s default. A silo that stops or is declared dead fails its calls without waiting for this.</summary>
    public TimeSpan WorkItemTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>This machine's mount of the data (posts, images, models) that the cluster's workers share, or
    /// <see langword="null"/> (default) when every machine sees the data at the same paths. On a client, paths under it
    /// travel in work items as keys relative to it (<c>data:images/1.jpg</c>); on a worker, those keys are read under it
    /// through a <see cref="CrossModalML.IO.FileSystemBlobStore"/>, which refuses any key that leaves it. So each machine
    /// may mount the shared data where it likes. A key whose scheme no store serves on a worker fails the item with an
    /// error naming the scheme.</summary>
    public string? DataRoot { get; set; }

    /// <summary>Work items each active worker is given at once. The client keeps 2 × active workers × this many items in
    /// flight (the workers counted from the cluster's membership), and at least the connection's <c>maxInFlight</c>;
    /// encoding waves grow with it. Default 1: an item already uses every core of its worker.</summary>
    public int ItemsPerWorker { get; set; } = 1;

    /// <summary>Checks the settings without connecting.</summary>
    /// <exception cref="ArgumentException">A production clustering without a connection string, no gateway, or another
    /// setting out of range; the message names it.</exception>
    public void Validate()
    {
        if (Clustering != ClusteringKind.Localhost && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"ClusterConnectionOptions.ConnectionString is required with {Clustering} clustering.");
        }

        if (Clustering == ClusteringKind.Localhost && Gateways.Count == 0)
        {
            throw new ArgumentException("ClusterConnectionOptions.Gateways must name at least one gateway with Localhost clustering.");
        }

        if (WorkItemTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ClusterConnectionOptions.WorkItemTimeout must be positive, e.g. 00:10:00; got {WorkItemTimeout}.");
        }

        if (ItemsPerWorker < 1)
        {
            throw new ArgumentException($"ClusterConnectionOptions.ItemsPerWorker must be at least 1; got {ItemsPerWorker}.");
        }

        if (DataRoot is not null && !Directory.Exists(DataRoot))
        {
            throw new ArgumentException($"ClusterConnectionOptions.DataRoot '{DataRoot}' is not a folder on this machine; give this machine's mount of the shared data.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new ArgumentException("ClusterConnectionOptions.ClusterId and ClusterConnectionOptions.ServiceId must not be empty.");
        }
    }
}
