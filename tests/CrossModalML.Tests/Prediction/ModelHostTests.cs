using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class ModelHostTests
{
    [TestMethod]
    public void A_lease_taken_before_a_reload_keeps_scoring_on_the_old_model_until_disposed()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        File.Copy(DemoModel.ModelPath, path);
        using var host = ModelHost.Load(path, seed: 1, maximumPooledEngines: 2);
        var post = DemoPosts.Dictionaries(1)[0];
        var old = host.Acquire();

        host.Reload();

        using (var fresh = host.Acquire())
        {
            Assert.AreEqual(2, fresh.Generation.Version);
            Assert.AreEqual(2, host.Version);
        }

        var oldGeneration = old.Generation;
        Assert.AreEqual(1, oldGeneration.Version);
        var prediction = PostScorer.ScoreOne(old, row => WriteCells(old, row, post));
        Assert.AreEqual(1, prediction.ModelVersion, "a call that began before the reload finishes on the model it began with");
        old.Dispose();
        Assert.IsFalse(oldGeneration.TryAcquire(), "the retired model is released with its last lease");
    }

    [TestMethod]
    public void A_disposed_lease_returns_its_engine_to_the_pool()
    {
        using var host = ModelHost.Load(DemoModel.ModelPath, seed: 1, maximumPooledEngines: 2);
        ScoringEngine first;
        using (var lease = host.Acquire())
        {
            first = lease.Engine;
            Assert.AreSame(first, lease.Engine, "one lease holds one engine");
        }

        using var next = host.Acquire();
        Assert.AreSame(first, next.Engine, "the next call reuses the returned engine instead of building one");
    }

    [TestMethod]
    public void A_disposed_host_refuses_leases_but_lets_running_ones_finish()
    {
        var host = ModelHost.Load(DemoModel.ModelPath, seed: 1, maximumPooledEngines: 2);
        var running = host.Acquire();

        host.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => host.Acquire());
        Assert.IsTrue(running.Generation.TryAcquire(), "the model stays loaded while a lease holds it");
        running.Generation.Release();
        var generation = running.Generation;
        running.Dispose();
        Assert.IsFalse(generation.TryAcquire());
    }

    private static void WriteCells(ModelLease lease, ScoringInputRow row, IReadOnlyDictionary<string, string?> post)
    {
        var images = new PredictorInput(new PredictorOptions()).Images;
        foreach (var column in lease.Generation.Columns)
        {
            PostCellWriter.Write(row, column, post.TryGetValue(column.Name, out var value) ? value : null, images);
        }
    }
}
