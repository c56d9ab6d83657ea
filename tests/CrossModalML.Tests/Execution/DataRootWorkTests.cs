using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.IO;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.Execution;

/// <summary>A client and its workers that mount the same data at different folders: items carry <c>data:</c> keys, the
/// workers read them from their own data root, and the results equal the local ones.</summary>
[TestClass]
[DoNotParallelize]
public sealed class DataRootWorkTests
{
    private const int Posts = 60;

    [TestMethod]
    public async Task Scoring_chunks_name_the_model_and_images_by_key_and_score_as_locally()
    {
        using var client = DemoCopy();
        using var worker = DemoCopy();
        File.Copy(DemoModel.ModelPath, client.File("model.zip"));
        File.Copy(DemoModel.ModelPath, worker.File("model.zip"));
        using var predictor = CrossModalPredictor.Load(client.File("model.zip"));
        var chunks = predictor.LoadInputInChunks(client.File("posts.tsv"), 25).ToList();
        var executor = new WireExecutor { DataRoot = client.Path };

        var remote = await WithWorkerRoot(worker.Path, () => predictor.PredictChunksAsync(chunks, executor));

        Assert.IsTrue(executor.Items.All(item => !item.Contains(client.Path, StringComparison.Ordinal)), "no item names the client's folder");
        StringAssert.Contains(executor.Items[0], "\"data:model.zip\"");
        StringAssert.Contains(executor.Items[0], "\"data:images/00001.png\"");
        for (int c = 0; c < chunks.Count; c++)
        {
            var local = predictor.Predict(chunks[c]);
            CollectionAssert.AreEqual(local.Select(p => p.Probabilities.ToArray()).SelectMany(p => p).ToList(), remote[c].SelectMany(p => p.Probabilities).ToList(), $"chunk {c}");
        }
    }

    [TestMethod]
    public void Image_encoding_shards_name_images_by_key_and_encode_as_locally()
    {
        using var client = DemoCopy(posts: 12);
        using var worker = DemoCopy(posts: 12);
        using var cache = new TempDirectory();
        var off = new EncoderCacheOptions { Enabled = false, Directory = cache.Path };
        var images = Directory.GetFiles(client.File("images")).Order(StringComparer.Ordinal).ToList();
        var executor = new WireExecutor { DataRoot = client.Path };
        var local = new EncoderLookup(ResNet18Encoder.Instance, off);
        var remote = new EncoderLookup(ResNet18Encoder.Instance, off, executor);

        local.Prefetch(images);
        WithWorkerRoot(worker.Path, () => remote.Prefetch(images));

        Assert.IsTrue(executor.Items.All(item => !item.Contains(client.Path, StringComparison.Ordinal)), "no item names the client's folder");
        StringAssert.Contains(executor.Items[0], "\"data:images/00001.png\"");
        foreach (var image in images)
        {
            CollectionAssert.AreEqual(local.Get(image), remote.Get(image), image);
        }
    }

    [TestMethod]
    public void A_search_names_its_posts_file_by_key_and_ranks_its_trials_as_locally()
    {
        using var client = DemoCopy();
        using var worker = DemoCopy();
        var data = PostDatasetLoader.Load(client.File("posts.tsv"), new PostLoadOptions { LabelColumn = "sentiment", AllowedImageRoot = client.Path });
        var executor = new WireExecutor { DataRoot = client.Path };
        AutoMLExperimentOptions Options(IWorkExecutor? where) => new()
        {
            Budget = new() { MaxTrials = 2 }, Seed = 5, SearchFeaturizer = false, Evaluation = { Strategy = EvaluationStrategy.HoldOut }, Executor = where,
        };

        var local = new AutoMLExperiment(new MLContext(5), Options(null)).Run(data);
        var remote = WithWorkerRoot(worker.Path, () => new AutoMLExperiment(new MLContext(5), Options(executor)).Run(data));

        Assert.AreEqual(2, executor.Items.Count);
        StringAssert.Contains(executor.Items[0], "\"data:posts.tsv\"");
        StringAssert.Contains(executor.Items[0], "\"AllowedImageRoot\":\"data:.\"");
        Assert.IsTrue(executor.Items.All(item => !item.Contains(client.Path, StringComparison.Ordinal)), "no item names the client's folder");
        SearchAssert.SameTrials(local.Search, remote.Search);
    }

    [TestMethod]
    public async Task A_worker_without_a_data_root_says_which_scheme_it_cannot_read()
    {
        using var client = DemoCopy(posts: 5);
        File.Copy(DemoModel.ModelPath, client.File("model.zip"));
        using var predictor = CrossModalPredictor.Load(client.File("model.zip"));
        var chunks = predictor.LoadInputInChunks(client.File("posts.tsv"), 5).ToList();
        BlobStores.Unregister(BlobStores.DataRootScheme);

        var error = await Assert.ThrowsExactlyAsync<NotSupportedException>(() => predictor.PredictChunksAsync(chunks, new WireExecutor { DataRoot = client.Path }));

        StringAssert.Contains(error.Message, "'data:'");
        StringAssert.Contains(error.Message, "WorkerOptions.DataRoot");
    }

    /// <summary>The first demo posts and their images, copied into a fresh folder.</summary>
    private static TempDirectory DemoCopy(int posts = Posts)
    {
        var folder = new TempDirectory();
        var demo = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).Take(posts + 1).ToList();
        File.WriteAllLines(folder.File("posts.tsv"), lines);
        Directory.CreateDirectory(folder.File("images"));
        foreach (var image in lines.Skip(1).Select(l => l.Split('\t')[2]).Where(i => i.Length > 0))
        {
            File.Copy(Path.Combine(demo, image), folder.File(image));
        }

        return folder;
    }

    private static T WithWorkerRoot<T>(string root, Func<T> work)
    {
        BlobStores.Register(BlobStores.DataRootScheme, new FileSystemBlobStore(root));
        try
        {
            return work();
        }
        finally
        {
            BlobStores.Unregister(BlobStores.DataRootScheme);
        }
    }

    private static void WithWorkerRoot(string root, Action work) => WithWorkerRoot(root, () =>
    {
        work();
        return 0;
    });
}
