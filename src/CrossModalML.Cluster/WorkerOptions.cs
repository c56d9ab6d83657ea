using System.Net;

namespace CrossModalML.Cluster;

/// <summary>A worker silo's settings: the cluster it joins and the ports it listens on.</summary>
public sealed class WorkerOptions : ClusterConnectionOptions
{
    /// <summary>The port silos talk to each other on. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients connect to. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>With <see cref="ClusteringKind.Localhost"/>, the first worker's silo endpoint that the others join;
    /// <c>null</c> (default) for the first worker itself.</summary>
    public IPEndPoint? PrimarySilo { get; set; }

    /// <summary>With production clustering, the address this silo tells the others; <c>null</c> (default) for the
    /// host name's first IPv4 address that is not a loopback one.</summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>Whether the silo runs in a Kubernetes pod and takes its address, name and cluster ids from the pod
    /// (<c>POD_IP</c>, <c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>ORLEANS_CLUSTER_ID</c>, <c>ORLEANS_SERVICE_ID</c>; see
    /// docs/k8s/workers.yaml), with Orleans's Kubernetes hosting. Needs production clustering. Default false.</summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>ONNX Runtime intra-op threads of this worker's pretrained encoders (see
    /// <see cref="CrossModalML.Featurization.EncoderThreads"/>), or 0 (default) for this machine's cores shared evenly
    /// among the active workers on it, as the cluster's membership shows them when the worker takes its first item (all
    /// cores when it is the only one). Several workers on one machine each using every core slow each other down.</summary>
    public int OnnxThreads { get; set; }

    /// <summary>Checks the settings without listening.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public new void Validate()
    {
        base.Validate();
        if (KubernetesHosting && Clustering == ClusteringKind.Localhost)
        {
            throw new ArgumentException("WorkerOptions.KubernetesHosting needs AdoNet or Redis clustering: pods on several nodes cannot find each other through localhost.");
        }

        if (OnnxThreads < 0)
        {
            throw new ArgumentException($"WorkerOptions.OnnxThreads must be 0 (share the cores among this machine's workers) or a thread count; got {OnnxThreads}.");
        }

        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
        {
            throw new ArgumentException($"WorkerOptions.SiloPort and WorkerOptions.GatewayPort must be two different ports from 1 to 65535; got {SiloPort} and {GatewayPort}.");
        }
    }
}
