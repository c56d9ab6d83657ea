using System.Net;
using CrossModalML.IO;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CrossModalML.Cluster;

/// <summary>Sets up Orleans silos and clients for CrossModalML work.</summary>
public static class CrossModalClusterHosting
{
    /// <summary>Makes the silo a CrossModalML worker that joins the cluster <paramref name="options"/> names; with a
    /// <see cref="ClusterConnectionOptions.DataRoot"/>, this process reads <c>data:</c> keys under it (registered in
    /// <see cref="BlobStores"/>).</summary>
    /// <param name="silo">The silo being built (e.g. in <c>UseOrleans</c>).</param>
    /// <param name="options">Clustering and ports.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static ISiloBuilder UseCrossModalWorker(this ISiloBuilder silo, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.WorkItemTimeout);
        silo.Services.AddSingleton(new WorkerThreads(options.OnnxThreads));
        if (options.DataRoot is not null)
        {
            // Keys under the clients' data roots are read under this worker's mount of the same data.
            BlobStores.Register(BlobStores.DataRootScheme, new FileSystemBlobStore(options.DataRoot));
        }

        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, options.PrimarySilo, options.ServiceId, options.ClusterId);
                return silo;
            case ClusteringKind.AdoNet:
                silo.UseAdoNetClustering(o =>
                {
                    o.ConnectionString = options.ConnectionString;
                    o.Invariant = options.AdoNetInvariant;
                });
                break;
            case ClusteringKind.Redis:
                silo.UseRedisClustering(options.ConnectionString!);
                break;
        }

        if (options.KubernetesHosting)
        {
            // The pod's environment names the endpoint and the cluster; dead silos' pods are removed.
            silo.UseKubernetesHosting();
            return silo;
        }

        Identify(silo.Services, options);
        silo.ConfigureEndpoints(options.AdvertisedAddress ?? MachineAddress(), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        return silo;
    }

    /// <summary>Makes the client connect to the cluster <paramref name="options"/> names.</summary>
    /// <param name="client">The client being built (e.g. in <c>UseOrleansClient</c>).</param>
    /// <param name="options">Clustering and, for localhost clustering, the gateways.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static IClientBuilder UseCrossModalCluster(this IClientBuilder client, ClusterConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.WorkItemTimeout);
        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                client.UseStaticClustering([.. options.Gateways]);
                break;
            case ClusteringKind.AdoNet:
                client.UseAdoNetClustering(o =>
                {
                    o.ConnectionString = options.ConnectionString;
                    o.Invariant = options.AdoNetInvariant;
                });
                break;
            case ClusteringKind.Redis:
                client.UseRedisClustering(options.ConnectionString!);
                break;
        }

        Identify(client.Services, options);
        return client;
    }

    /// <summary>The cluster and service ids every member of one cluster shares.</summary>
    private static void Identify(IServiceCollection services, ClusterConnectionOptions options) =>
        services.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

    /// <summary>The host name's first IPv4 address that is not a loopback one (some distributions map the host name to
    /// 127.0.1.1, which other machines cannot reach); loopback when there is none.</summary>
    private static IPAddress MachineAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
