using Orleans.TestingHost;

namespace CrossModalML.Cluster.Tests;

/// <summary>An in-process cluster of three CrossModalML worker silos.</summary>
internal static class ThreeSilos
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(3);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>How many work-item activations each silo holds now.</summary>
    public static async Task<IReadOnlyDictionary<SiloAddress, int>> WorkOnSilosAsync(TestCluster cluster)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics
            .Where(s => s.GrainType.Contains(nameof(WorkItemGrain), StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }
}
