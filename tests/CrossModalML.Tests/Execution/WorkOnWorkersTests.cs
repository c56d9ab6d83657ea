using CrossModalML.Data;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Execution;

/// <summary>The jobs run by a worker's own instances, through bytes, give what they give in this process.</summary>
[TestClass]
public sealed class WorkOnWorkersTests
{
    [TestMethod]
    public async Task Scoring_chunks_on_a_worker_gives_the_local_predictions_exactly()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var chunks = predictor.LoadInputInChunks(RepositoryPaths.DemoPosts, 45).Take(3).ToList();
        var executor = new WireExecutor();

        var remote = await predictor.PredictChunksAsync(chunks, executor);

        CollectionAssert.AreEqual(new[] { "crossmodal.score", "crossmodal.score", "crossmodal.score" }, executor.JobsRun);
        Assert.HasCount(chunks.Count, remote);
        for (int c = 0; c < chunks.Count; c++)
        {
            var local = predictor.Predict(chunks[c]);
            Assert.HasCount(local.Count, remote[c]);
            for (int i = 0; i < local.Count; i++)
            {
                Assert.AreEqual(local[i].PredictedLabel, remote[c][i].PredictedLabel, $"chunk {c} row {i}");
                CollectionAssert.AreEqual(local[i].Probabilities.ToList(), remote[c][i].Probabilities.ToList(), $"chunk {c} row {i}");
                CollectionAssert.AreEqual(local[i].Warnings.ToList(), remote[c][i].Warnings.ToList(), $"chunk {c} row {i}");
            }
        }
    }

    [TestMethod]
    public void Encoding_shards_on_a_worker_give_the_local_encodings_exactly()
    {
        using var temp = new TempDirectory();
        var off = new EncoderCacheOptions { Enabled = false, Directory = temp.File("unused") };
        var texts = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(300).Select(l => l.Split('\t')[1]).ToList();
        var executor = new WireExecutor();
        var local = new EncoderLookup(MiniLmEncoder.Instance, off);
        var remote = new EncoderLookup(MiniLmEncoder.Instance, off, executor);

        local.Prefetch(texts);
        remote.Prefetch(texts);

        Assert.IsGreaterThan(1, executor.JobsRun.Count, "more than one shard");
        Assert.IsTrue(executor.JobsRun.All(name => name == "crossmodal.encode"));
        Assert.AreEqual(local.Encoded, remote.Encoded);
        foreach (var text in texts)
        {
            CollectionAssert.AreEqual(local.Get(text), remote.Get(text), text);
        }
    }
}
