using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CrossModalML.Cluster.Tests;

/// <summary>A work item may run for minutes (an encoding shard on a busy machine): clients and workers wait
/// <see cref="ClusterConnectionOptions.WorkItemTimeout"/> for it, not Orleans's 30 s default, which used to fail
/// slow shards twice and end the run.</summary>
[TestClass]
public sealed class WorkItemTimeoutTests
{
    [TestMethod]
    public void Clients_and_workers_wait_the_work_item_timeout()
    {
        var wait = TimeSpan.FromMinutes(7);
        using var client = Host.CreateDefaultBuilder()
            .UseOrleansClient(c => c.UseCrossModalCluster(new ClusterConnectionOptions { WorkItemTimeout = wait }))
            .Build();
        Assert.AreEqual(wait, client.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);

        using var worker = Host.CreateDefaultBuilder()
            .UseOrleans(s => s.UseCrossModalWorker(new WorkerOptions { WorkItemTimeout = wait }))
            .Build();
        Assert.AreEqual(wait, worker.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout);
    }

    [TestMethod]
    public void The_default_allows_minutes_and_a_non_positive_timeout_is_refused_by_name()
    {
        Assert.AreEqual(TimeSpan.FromMinutes(10), new ClusterConnectionOptions().WorkItemTimeout);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ClusterConnectionOptions { WorkItemTimeout = TimeSpan.Zero }.Validate());
        StringAssert.Contains(error.Message, "ClusterConnectionOptions.WorkItemTimeout");
    }
}
