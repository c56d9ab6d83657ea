using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Prediction;
using Microsoft.ML;
using Orleans.TestingHost;

namespace CrossModalML.Cluster.Tests;

/// <summary>Work run on a 3-silo in-process cluster gives what it gives in this process.</summary>
[TestClass]
public sealed class ClusterWorkTests
{
    private static TestCluster _cluster = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _) => _cluster = await ThreeSilos.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await _cluster.DisposeAsync();

    [TestMethod]
    public async Task Batch_scoring_on_three_silos_equals_the_local_predictions()
    {
        using var predictor = CrossModalPredictor.Load(SmallModel.Path);
        var chunks = predictor.LoadInputInChunks(SmallModel.DemoPosts, 100).Take(6).ToList();

        var remote = await predictor.PredictChunksAsync(chunks, new OrleansWorkExecutor(_cluster.Client, maxInFlight: 6));

        Assert.HasCount(chunks.Count, remote);
        for (int c = 0; c < chunks.Count; c++)
        {
            PredictionAssert.Equal(predictor.Predict(chunks[c]), remote[c], $"chunk {c}");
        }
    }

    [TestMethod]
    public void Encoding_shards_on_three_silos_equal_the_local_encodings()
    {
        var off = new EncoderCacheOptions { Enabled = false, Directory = Path.GetTempPath() };
        var texts = File.ReadLines(SmallModel.DemoPosts).Skip(1).Take(300).Select(l => l.Split('\t')[1]).ToList();
        var local = new EncoderLookup(MiniLmEncoder.Instance, off);
        var remote = new EncoderLookup(MiniLmEncoder.Instance, off, new OrleansWorkExecutor(_cluster.Client, maxInFlight: 3));

        local.Prefetch(texts);
        remote.Prefetch(texts);

        Assert.AreEqual(300, remote.Encoded);
        foreach (var text in texts)
        {
            CollectionAssert.AreEqual(local.Get(text), remote.Get(text), text);
        }
    }

    [TestMethod]
    public async Task An_item_that_fails_twice_is_reported_with_its_cause()
    {
        var folder = Directory.CreateTempSubdirectory("crossmodal-cluster-");
        var copy = Path.Combine(folder.FullName, "gone.zip");
        File.Copy(SmallModel.Path, copy);
        using var predictor = CrossModalPredictor.Load(copy);
        var chunk = predictor.LoadInputInChunks(SmallModel.DemoPosts, 10).First();
        File.Delete(copy);

        var error = await Assert.ThrowsExactlyAsync<WorkItemFailedException>(
            () => predictor.PredictChunksAsync([chunk], new OrleansWorkExecutor(_cluster.Client)));

        Assert.AreEqual("crossmodal.score", error.Job);
        StringAssert.Contains(error.Message, "does not exist on this worker");
        folder.Delete(recursive: true);
    }

    [TestMethod]
    public async Task A_cancelled_run_sends_no_item_and_says_so()
    {
        using var predictor = CrossModalPredictor.Load(SmallModel.Path);
        var chunk = predictor.LoadInputInChunks(SmallModel.DemoPosts, 10).First();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var before = (await ThreeSilos.WorkOnSilosAsync(_cluster)).Values.Sum();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => predictor.PredictChunksAsync([chunk, chunk], new OrleansWorkExecutor(_cluster.Client), cancelled.Token));

        Assert.AreEqual(before, (await ThreeSilos.WorkOnSilosAsync(_cluster)).Values.Sum());
    }

    [TestMethod]
    public void A_seeded_search_on_three_silos_has_the_local_leaderboard()
    {
        var data = PostDatasetLoader.Load(SmallModel.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select([.. Enumerable.Range(0, 300)]);
        AutoMLExperimentOptions Options(IWorkExecutor? where) => new()
        {
            Budget = new() { MaxTrials = 3 }, Seed = 5, SearchFeaturizer = false, Evaluation = { Strategy = EvaluationStrategy.HoldOut }, Executor = where,
        };

        var local = new AutoMLExperiment(new MLContext(5), Options(null)).Run(data);
        var remote = new AutoMLExperiment(new MLContext(5), Options(new OrleansWorkExecutor(_cluster.Client))).Run(data);

        Assert.HasCount(3, remote.Search.Trials);
        for (int i = 0; i < 3; i++)
        {
            var (l, r) = (local.Search.Trials[i], remote.Search.Trials[i]);
            Assert.AreEqual(l.Configuration.ToString(), r.Configuration.ToString(), $"trial {i + 1}");
            Assert.AreEqual(l.Status, r.Status, $"trial {i + 1}");
            Assert.AreEqual(l.Score, r.Score, $"trial {i + 1}");
        }

        CollectionAssert.AreEqual(local.Search.Leaderboard.Select(t => t.Number).ToList(), remote.Search.Leaderboard.Select(t => t.Number).ToList());
        Assert.AreEqual(local.Training.Metrics!.MacroF1, remote.Training.Metrics!.MacroF1);
    }
}
