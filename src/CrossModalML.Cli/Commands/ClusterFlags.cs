using System.CommandLine;
using System.Net;
using CrossModalML.Cluster;

namespace CrossModalML.Cli.Commands;

/// <summary>The flags that name a cluster, shared by <c>worker</c> and the commands that run work on it.</summary>
internal sealed class ClusterFlags
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run the work on a cluster of `crossmodal worker`s: HOST:PORT[,HOST:PORT…] of their gateways (--clustering localhost), or any value with --clustering adonet|redis. Every worker must see the model, data and image paths, or see them under its own --data-root.",
    };

    public Option<string> Clustering { get; } = new("--clustering")
    {
        Description = "How workers find each other: localhost (development, one machine), adonet or redis (production, with --connection).",
        DefaultValueFactory = _ => "localhost",
    };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string of the ADO.NET database or Redis that holds the cluster's membership." };

    public Option<string> Invariant { get; } = new("--adonet-invariant")
    {
        Description = "ADO.NET provider invariant name for --clustering adonet (e.g. Npgsql, Microsoft.Data.SqlClient).",
        DefaultValueFactory = _ => new ClusterConnectionOptions().AdoNetInvariant,
    };

    public Option<string> ClusterId { get; } = new("--cluster-id") { Description = "The cluster's id; workers and clients of one cluster share it.", DefaultValueFactory = _ => new ClusterConnectionOptions().ClusterId };

    public Option<string?> DataRoot { get; } = new("--data-root")
    {
        Description = "This machine's mount of the data (posts, images, models) the workers share. Paths under it travel as keys relative to it, and each worker reads them under its own --data-root, so every machine may mount the data where it likes.",
    };

    public Option<int> ItemsPerWorker { get; } = new("--items-per-worker")
    {
        Description = "Work items each active worker is given at once; the client keeps 2 × workers × this many in flight (at least --parallel or 8).",
        DefaultValueFactory = _ => new ClusterConnectionOptions().ItemsPerWorker,
    };

    public IEnumerable<Option> All => [Cluster, Clustering, Connection, Invariant, ClusterId, DataRoot, ItemsPerWorker];

    /// <summary>The cluster <c>--cluster</c> names, or <c>null</c> to work locally; checked without connecting.</summary>
    public ClusterConnectionOptions? ClientOptions(ParseResult r)
    {
        if (r.GetValue(Cluster) is not { } value)
        {
            return null;
        }

        var options = Bind(r, new ClusterConnectionOptions());
        if (options.Clustering == ClusteringKind.Localhost)
        {
            options.Gateways = Endpoints("--cluster", value);
        }

        options.Validate();
        return options;
    }

    /// <summary>Fills the shared settings of <paramref name="options"/> from the flags.</summary>
    public T Bind<T>(ParseResult r, T options)
        where T : ClusterConnectionOptions
    {
        var kind = r.GetValue(Clustering);
        options.Clustering = kind?.ToLowerInvariant() switch
        {
            "localhost" => ClusteringKind.Localhost,
            "adonet" => ClusteringKind.AdoNet,
            "redis" => ClusteringKind.Redis,
            _ => throw new ArgumentException($"--clustering must be localhost, adonet or redis; got '{kind}'."),
        };
        options.ConnectionString = r.GetValue(Connection);
        options.AdoNetInvariant = r.GetValue(Invariant)!;
        options.ClusterId = r.GetValue(ClusterId)!;
        options.DataRoot = r.GetValue(DataRoot);
        options.ItemsPerWorker = r.GetValue(ItemsPerWorker);
        if (options.Clustering != ClusteringKind.Localhost && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"--clustering {kind} needs --connection.");
        }

        return options;
    }

    /// <summary>Parses <c>HOST:PORT[,HOST:PORT…]</c>.</summary>
    public static IReadOnlyList<IPEndPoint> Endpoints(string flag, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => Endpoint(flag, part)).ToList();

    public static IPEndPoint Endpoint(string flag, string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"{flag} takes HOST:PORT (e.g. 127.0.0.1:30000); got '{value}'.");
        }

        var host = value[..colon];
        var address = IPAddress.TryParse(host, out var parsed) ? parsed
            : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
              ?? throw new ArgumentException($"{flag}: the host '{host}' has no IPv4 address.");
        return new IPEndPoint(address, port);
    }
}
