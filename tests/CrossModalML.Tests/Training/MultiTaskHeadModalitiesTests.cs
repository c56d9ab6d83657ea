using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.Training;

/// <summary>The classic multi-task setup: heads restricted to their modalities' blocks of the shared features.</summary>
[TestClass]
public sealed class MultiTaskHeadModalitiesTests
{
    private static readonly Lazy<PostDataset> Demo = new(() => PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    private static PostDataset DemoRows(int first, int count) => Demo.Value.Select(Enumerable.Range(first, count).ToList());

    private static MultiTaskOptions Options(params (string Task, Modality Modalities)[] heads) => new()
    {
        Labels = ["sentiment", "topic"],
        Evaluation = { Strategy = EvaluationStrategy.None },
        Stacking = StackingMode.Off,
        OutOfFoldFolds = 3,
        Featurizer = { Text = { UseCharNgrams = false } },
        HeadModalities = heads.ToDictionary(h => h.Task, h => h.Modalities, StringComparer.Ordinal),
    };

    [TestMethod]
    public void A_text_only_head_ignores_the_image_while_the_head_on_every_modality_reads_it()
    {
        using var temp = new TempDirectory();
        var options = Options(("topic", Modality.Text));
        var ml = new MLContext(1);
        var result = new MultiTaskTrainer(ml).Train(DemoRows(0, 300), options);
        var path = temp.File("classic.zip");
        ModelPackage.Save(ml, path, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(options));

        var manifest = ModelPackage.ReadManifest(path);
        var topic = manifest.Tasks!.Single(t => t.Name == "topic");
        var sentiment = manifest.Tasks!.Single(t => t.Name == "sentiment");
        Assert.AreEqual(Modality.Text, topic.Modalities);
        Assert.IsTrue(topic.ReadsSomeModalities);
        Assert.AreEqual(Modality.All, sentiment.Modalities, "the demo set has text, image and metadata blocks");
        Assert.IsFalse(sentiment.ReadsSomeModalities);

        using var predictor = CrossModalPredictor.Load(path);
        var images = Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images");
        int sentimentChanged = 0;
        foreach (var (text, image) in new[]
        {
            ("Checking out the league table, brilliant #sports", "00001.png"),
            ("New phone arrived today #tech", "00004.png"),
            ("Dinner at the new place downtown #food", "00010.png"),
        })
        {
            var withImage = Post(text, Path.Combine(images, image));
            var otherImage = Post(text, Path.Combine(images, "00007.png"));
            var withoutImage = Post(text, null);
            var reference = predictor.Predict(withImage);
            foreach (var changed in new[] { predictor.Predict(otherImage), predictor.Predict(withoutImage) })
            {
                foreach (var (label, probability) in reference.Tasks["topic"].Probabilities)
                {
                    Assert.AreEqual(probability, changed.Tasks["topic"].Probabilities[label], 1e-6f, $"the text-only topic head read the image of '{text}'");
                }

                if (reference.Tasks["sentiment"].Probabilities.Any(p => Math.Abs(p.Value - changed.Tasks["sentiment"].Probabilities[p.Key]) > 1e-4f))
                {
                    sentimentChanged++;
                }
            }
        }

        Assert.IsTrue(sentimentChanged > 0, "the sentiment head reads every modality, so another image or none moves its probabilities");
    }

    [TestMethod]
    public void A_restricted_head_reads_exactly_its_modalities_slots_of_the_shared_features()
    {
        var ml = new MLContext(1);
        var data = DemoRows(0, 200);
        var tasks = new TaskSet(ml, Options(("topic", Modality.Text), ("sentiment", Modality.Image | Modality.Metadata)), "sentiment", data);
        var shared = SharedFeatures.Fit(tasks.Featurization, data, CancellationToken.None);
        var inputs = tasks.InputsOf(shared.Layout);

        var textBlocks = shared.Layout.Blocks.Where(b => b.Group.Modality == Modality.Text).ToList();
        Assert.AreEqual(textBlocks.Sum(b => b.Width), inputs["topic"].Width);
        Assert.AreEqual(shared.Layout.Width, inputs["topic"].Width + inputs["sentiment"].Width, "text, and image with metadata, split the features");

        // The slots the training view cuts out of the cached features equal the blocks' own columns, which the saved chain concatenates.
        var features = shared.Transform(data);
        var sliced = inputs["topic"].Select(features);
        var featurized = shared.Transformer.Transform(data.DataView);
        var selected = HeadPipeline.Selector(ml, inputs["topic"], featurized).Transform(featurized);
        var fromColumns = FeatureMatrix.Read(selected, HeadPipeline.ModalityFeatures, data.RowCount);
        Assert.AreEqual(sliced.Length, fromColumns.Length);
        for (int row = 0; row < data.RowCount; row++)
        {
            CollectionAssert.AreEqual(fromColumns.Rows[row].DenseValues().ToArray(), sliced.Rows[row].DenseValues().ToArray(), $"row {row}");
        }
    }

    [TestMethod]
    public void The_saved_chain_scores_restricted_and_stacked_heads_exactly_as_they_were_evaluated()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(1);
        var data = DemoRows(0, 400);
        var train = Enumerable.Range(0, 300).ToList();
        var test = Enumerable.Range(300, 100).ToList();
        var tasks = new TaskSet(ml, Options(("topic", Modality.Text), ("sentiment", Modality.Image)), "sentiment", data);
        var shared = SharedFeatures.Fit(tasks.Featurization, data.Select(train), CancellationToken.None);
        var heads = new HeadFitter(ml, tasks, tasks.WeightedBy(train), tasks.InputsOf(shared.Layout), 3, 1, CancellationToken.None);
        var trainers = tasks.Labels.ToDictionary(l => l.Key, l => TrainerFactory.Default(l.Value.Kind), StringComparer.Ordinal);
        var fitted = heads.Fit(trainers, stacked: true, shared.Transform(data.Select(train)), train);
        var evaluated = heads.Score(fitted, shared.Transform(data.Select(test)), test);

        var chain = MultiTaskChain.Build(ml, tasks, heads, shared, fitted, data.Select(train));
        var path = temp.File("chain.zip");
        ml.Model.Save(chain, data.DataView.Schema, path);
        var loaded = ml.Model.Load(path, out _);
        var scored = loaded.Transform(data.Select(test).DataView);
        foreach (var (task, metrics) in evaluated)
        {
            var labels = heads.Labels[task];
            var probabilities = ScoredOutput.ReadProbabilities(scored, labels.Kind, labels.Classes.Count, TaskColumns.Prefix(task));
            var saved = MetricsCalculator.Classification(labels.Classes, test.Select(r => labels.ClassIndices[r]).ToList(), probabilities);
            Assert.AreEqual(metrics.MacroF1!.Value, saved.MacroF1!.Value, 1e-9, task);
            Assert.AreEqual(metrics.LogLoss!.Value, saved.LogLoss!.Value, 1e-5, task);
        }
    }

    [TestMethod]
    public void Head_modalities_that_name_no_task_or_no_feature_block_fail_with_a_message_naming_the_property()
    {
        var trainer = new MultiTaskTrainer(new MLContext(1));
        var data = DemoRows(0, 100);

        var unknown = Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, Options(("mood", Modality.Text)))).Message;
        StringAssert.Contains(unknown, "MultiTaskOptions.HeadModalities");
        StringAssert.Contains(unknown, "'mood'");
        StringAssert.Contains(unknown, "sentiment, topic");

        var none = Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, Options(("topic", Modality.None)))).Message;
        StringAssert.Contains(none, "'topic'");

        var leftOut = Options(("topic", Modality.Image));
        leftOut.Featurizer.Modalities = Modality.Text | Modality.Metadata;
        var featurizer = Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, leftOut)).Message;
        StringAssert.Contains(featurizer, "MultiTaskOptions.HeadModalities gives task 'topic' the modality Image");
        StringAssert.Contains(featurizer, "MultiTaskOptions.Featurizer.Modalities is Text, Metadata");

        var noImages = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment", RoleOverrides = new Dictionary<string, ColumnRole> { ["image"] = ColumnRole.Ignore } })
            .Select(Enumerable.Range(0, 100).ToList());
        var noBlock = Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(noImages, Options(("topic", Modality.Text | Modality.Image)))).Message;
        StringAssert.Contains(noBlock, "task 'topic' the modality Image");
        StringAssert.Contains(noBlock, "the modalities with blocks are Text, Metadata");
    }

    private static Dictionary<string, string?> Post(string text, string? image) => new()
    {
        ["text"] = text,
        ["image"] = image,
        ["user_id"] = "u001",
        ["timestamp"] = "2026-01-05T08:03:00Z",
        ["likes"] = "30",
        ["shares"] = "3",
    };
}
