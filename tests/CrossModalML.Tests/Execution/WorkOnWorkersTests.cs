using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Execution;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

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
        var local = new EncoderLookup(SentenceTransformerEncoder.MiniLM, off);
        var remote = new EncoderLookup(SentenceTransformerEncoder.MiniLM, off, executor);

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

    [TestMethod]
    public void A_seeded_search_with_trials_on_a_worker_ranks_and_ensembles_as_the_local_one()
    {
        // Posts loaded whole from a file travel as the file's path; the worker loads them itself.
        using var temp = new TempDirectory();
        var file = temp.File("posts.tsv");
        File.WriteAllLines(file, File.ReadLines(RepositoryPaths.DemoPosts).Take(301));
        File.CreateSymbolicLink(temp.File("images"), Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images"));
        var data = PostDatasetLoader.Load(file, new PostLoadOptions { LabelColumn = "sentiment" });
        var executor = new WireExecutor();
        AutoMLExperimentOptions Options(IWorkExecutor? where) => new()
        {
            Budget = new() { MaxTrials = 3 }, Seed = 3, Ensemble = true, EnsembleMinimumGain = double.NegativeInfinity, EnsembleMinimumStandardErrors = 0, StartMinimumStandardErrors = 0, SearchFeaturizer = false, Evaluation = { Strategy = EvaluationStrategy.HoldOut }, Executor = where,
        };

        var local = new AutoMLExperiment(new MLContext(3), Options(null)).Run(data);
        var remote = new AutoMLExperiment(new MLContext(3), Options(executor)).Run(data);

        Assert.AreEqual(3, executor.JobsRun.Count(name => name == "crossmodal.trial"));
        Assert.IsTrue(executor.ItemBytes.All(bytes => bytes < 4_000), $"items of {string.Join(", ", executor.ItemBytes)} bytes carry the posts, not their file");
        SearchAssert.SameTrials(local.Search, remote.Search);
        Assert.IsNotNull(local.Ensemble, "the out-of-fold probabilities must reach ensemble selection");
        Assert.IsNotNull(remote.Ensemble, "the out-of-fold probabilities must come back from the worker");
        Assert.AreEqual(local.Ensemble.Score, remote.Ensemble.Score);
        CollectionAssert.AreEqual(local.Ensemble.Members.Select(m => (m.Trial, m.Weight)).ToList(), remote.Ensemble.Members.Select(m => (m.Trial, m.Weight)).ToList());
        Assert.AreEqual(local.Training.Metrics!.MacroF1, remote.Training.Metrics!.MacroF1);
    }

    [TestMethod]
    public void A_worker_refuses_a_posts_file_that_differs_from_the_clients()
    {
        var load = new PostLoadOptions { LabelColumn = "sentiment" };
        var onDisk = new PostsOnDisk(RepositoryPaths.DemoPosts, load, new string('0', 64));
        var work = new TrialWork(onDisk, null, new FeaturizerOptions(), new EvaluationOptions(), 1, AutoMLExperiment.DefaultConfiguration(TaskKind.Multiclass, new FeaturizerOptions()));

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TrialJob.Instance.Run(work, CancellationToken.None));

        StringAssert.Contains(error.Message, "holds other posts than the client loaded");
    }

    [TestMethod]
    public void The_front_door_search_sends_its_trials_to_the_executor_on_its_options()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select([.. Enumerable.Range(0, 200)]);
        var executor = new WireExecutor();

        var model = new MLContext(4).CrossModal().Search(
            data, new SearchBudget { MaxTrials = 2 },
            new AutoMLExperimentOptions { SearchFeaturizer = false, Evaluation = { Strategy = EvaluationStrategy.HoldOut }, Executor = executor });

        CollectionAssert.AreEqual(new[] { "crossmodal.trial", "crossmodal.trial" }, executor.JobsRun);
        Assert.AreEqual(2, model.Manifest.Search!.TrialsRun);
    }
}
