using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.IO;
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
        var local = new EncoderLookup(SentenceTransformerEncoder.MiniLM, off);
        var remote = new EncoderLookup(SentenceTransformerEncoder.MiniLM, off, new OrleansWorkExecutor(_cluster.Client, maxInFlight: 3));

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

    [TestMethod]
    public async Task Items_in_flight_scale_with_the_active_workers_above_the_floor()
    {
        var scaled = new OrleansWorkExecutor(_cluster.Client, maxInFlight: 2) { ItemsPerWorker = 3 };
        var floored = new OrleansWorkExecutor(_cluster.Client);

        Assert.AreEqual(3, await scaled.CountWorkersAsync());
        await floored.CountWorkersAsync();

        Assert.AreEqual(2 * 3 * 3, scaled.ItemsAtOnce);
        Assert.AreEqual(8, floored.ItemsAtOnce, "2 x 3 workers x 1 is below the floor of 8");
    }

    [TestMethod]
    public void A_second_encoding_job_over_a_shared_cache_folder_encodes_nothing_again()
    {
        // Every worker and client pointed at one folder, as CROSSMODALML_CACHE_DIR=/shared/cache does on each machine.
        var shared = Directory.CreateTempSubdirectory("crossmodal-shared-cache-");
        var cache = new EncoderCacheOptions { Directory = shared.FullName };
        var images = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(SmallModel.DemoPosts)!, "images")).Order(StringComparer.Ordinal).Take(20).ToList();
        var firstJob = new CountingExecutor(new OrleansWorkExecutor(_cluster.Client, maxInFlight: 3));
        var secondJob = new CountingExecutor(new OrleansWorkExecutor(_cluster.Client, maxInFlight: 3));
        var first = new EncoderLookup(ResNet18Encoder.Instance, cache, firstJob);
        var second = new EncoderLookup(ResNet18Encoder.Instance, cache, secondJob);

        first.Prefetch(images);
        second.Prefetch(images);

        Assert.AreEqual(images.Count, first.Encoded);
        Assert.IsGreaterThan(0, firstJob.Items);
        Assert.AreEqual(0, second.Encoded, "every image of the second job is a cache hit");
        Assert.AreEqual(0, secondJob.Items, "the second job sends no shard to the workers");
        foreach (var image in images)
        {
            CollectionAssert.AreEqual(first.Get(image), second.Get(image), image);
        }

        shared.Delete(recursive: true);
    }

    [TestMethod]
    public async Task Scoring_on_three_silos_reads_the_model_and_images_by_key_under_the_workers_data_root()
    {
        var client = DemoFolder.Copy(posts: 40);
        var worker = DemoFolder.Copy(posts: 40);
        File.Copy(SmallModel.Path, Path.Combine(client.FullName, "model.zip"));
        File.Copy(SmallModel.Path, Path.Combine(worker.FullName, "model.zip"));
        using var predictor = CrossModalPredictor.Load(Path.Combine(client.FullName, "model.zip"));
        var chunks = predictor.LoadInputInChunks(Path.Combine(client.FullName, "posts.tsv"), 10).ToList();

        // The silos of this in-process cluster share the process, so registering the store here is what
        // WorkerOptions.DataRoot does on each worker.
        BlobStores.Register(BlobStores.DataRootScheme, new FileSystemBlobStore(worker.FullName));
        IReadOnlyList<IReadOnlyList<PostPrediction>> remote;
        try
        {
            // Nothing may read the client's own copy: it is gone before the work is sent.
            var clientRoot = client.FullName;
            client.MoveTo(clientRoot + "-moved");
            remote = await predictor.PredictChunksAsync(chunks, new OrleansWorkExecutor(_cluster.Client) { DataRoot = clientRoot });
        }
        finally
        {
            BlobStores.Unregister(BlobStores.DataRootScheme);
        }

        using var local = CrossModalPredictor.Load(Path.Combine(worker.FullName, "model.zip"));
        var expected = local.LoadInputInChunks(Path.Combine(worker.FullName, "posts.tsv"), 10).Select(c => local.Predict(c)).ToList();
        Assert.HasCount(expected.Count, remote);
        for (int c = 0; c < expected.Count; c++)
        {
            PredictionAssert.Equal(expected[c], remote[c], $"chunk {c}");
        }

        client.Delete(recursive: true);
        worker.Delete(recursive: true);
    }

    [TestMethod]
    public async Task Workers_on_one_machine_share_its_cores_for_onnx_runtime()
    {
        var automatic = new WorkerThreads(0);
        var given = new WorkerThreads(3);
        try
        {
            await automatic.ApplyAsync(_cluster.Client, _cluster.Primary!.SiloAddress);
            Assert.AreEqual(WorkerThreads.Share(Environment.ProcessorCount, 3), automatic.Applied, "three silos on 127.0.0.1");
            Assert.AreEqual(automatic.Applied, EncoderThreads.IntraOpThreads);

            await given.ApplyAsync(_cluster.Client, _cluster.Primary!.SiloAddress);
            Assert.AreEqual(3, EncoderThreads.IntraOpThreads);
        }
        finally
        {
            EncoderThreads.IntraOpThreads = 0;
        }

        Assert.AreEqual(4, WorkerThreads.Share(8, 2));
        Assert.AreEqual(1, WorkerThreads.Share(2, 3));
        Assert.AreEqual(8, WorkerThreads.Share(8, 1));
    }
}
