namespace CrossModalML.Cluster;

/// <summary>How silos and clients find each other.</summary>
public enum ClusteringKind
{
    /// <summary>Development: silos on one machine find a primary silo by its endpoint; clients list the gateways.</summary>
    Localhost,

    /// <summary>Production: a membership table in a relational database reached through ADO.NET
    /// (<see cref="ClusterConnectionOptions.ConnectionString"/>, <see cref="ClusterConnectionOptions.AdoNetInvariant"/>).</summary>
    AdoNet,

    /// <summary>Production: a membership table in Redis (<see cref="ClusterConnectionOptions.ConnectionString"/>).</summary>
    Redis,
}
