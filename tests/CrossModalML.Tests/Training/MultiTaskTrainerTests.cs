using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Retraining;
using CrossModalML.MultiTask;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class MultiTaskTrainerTests
{
    private const int Rows = 500;

    /// <summary>The demo posts loaded with sentiment as the label and topic as the categorical column it is inferred as, first rows only.</summary>
    private static readonly Lazy<PostDataset> Demo = new(() => PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    private static PostDataset DemoSubset(int rows = Rows) => Demo.Value.Select(Enumerable.Range(0, rows).ToList());

    private static MultiTaskOptions Options(EvaluationStrategy evaluation, StackingMode stacking = StackingMode.Off) => new()
    {
        Labels = ["sentiment", "topic"],
        Evaluation = { Strategy = evaluation },
        Stacking = stacking,
        OutOfFoldFolds = 3,
        Featurizer = { Text = { UseCharNgrams = false } },
    };

    [TestMethod]
    public void A_saved_multi_task_model_predicts_every_task_in_one_call()
    {
        using var temp = new TempDirectory();
        var data = DemoSubset();
        var options = Options(EvaluationStrategy.None);
        var ml = new MLContext(1);
        var result = new MultiTaskTrainer(ml).Train(data, options);
        var path = temp.File("multi.zip");
        ModelPackage.Save(ml, path, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(options));

        var manifest = ModelPackage.ReadManifest(path);
        CollectionAssert.AreEqual(new[] { "sentiment", "topic" }, manifest.Tasks!.Select(t => t.Name).ToArray());
        Assert.AreEqual("sentiment", manifest.LabelColumn);
        CollectionAssert.AreEqual(new[] { "food", "music", "sports", "tech", "travel" }, manifest.Tasks![1].ClassLabels.ToArray());

        using var predictor = CrossModalPredictor.Load(path);
        var post = new Dictionary<string, string?>
        {
            ["text"] = "Trying my sourdough recipe, so happy right now #recipe",
            ["image"] = null,
            ["user_id"] = "u001",
            ["timestamp"] = "2026-01-05T08:03:00Z",
            ["likes"] = "30",
            ["shares"] = "3",
        };
        var one = predictor.Predict(post);
        var batch = predictor.PredictBatch([post])[0];
        Assert.AreEqual(2, one.Tasks.Count);
        Assert.AreEqual("food", one.Tasks["topic"].PredictedLabel);
        Assert.AreEqual("positive", one.Tasks["sentiment"].PredictedLabel);
        Assert.AreEqual(one.PredictedLabel, one.Tasks["sentiment"].PredictedLabel, "the unprefixed outputs are the main task's");
        foreach (var task in new[] { "sentiment", "topic" })
        {
            Assert.AreEqual(1f, one.Tasks[task].Probabilities.Values.Sum(), 1e-4f);
            Assert.AreEqual(one.Tasks[task].Probabilities[one.Tasks[task].PredictedLabel!], batch.Tasks[task].Probabilities[batch.Tasks[task].PredictedLabel!], 1e-5f,
                "the pooled single-post path and the batch path agree");
        }
    }

    [TestMethod]
    public void Heads_share_one_featurizer_fit_and_the_chain_holds_it_once()
    {
        var options = Options(EvaluationStrategy.None);
        options.Labels = ["sentiment", "topic", "likes"];
        // A leaf minimum makes each tree head cut the slots it cannot split on: into a column of its own, or the next
        // head would read narrowed features.
        options.Trainer = new TrainerSpec(TrainerNames.LightGbm, new Dictionary<string, double> { ["NumberOfIterations"] = 10, ["NumberOfLeaves"] = 4, ["MinimumExampleCountPerLeaf"] = 5 });
        var result = new MultiTaskTrainer(new MLContext(1)).Train(DemoSubset(300), options);

        Assert.AreEqual(1, result.SharedFeaturizerFits, "one fit for the final model, whatever the number of tasks");
        var chain = (Microsoft.ML.Data.TransformerChain<ITransformer>)result.Model;
        var input = result.TrainingData.DataView.Schema;
        int writersOfFeatures = 0;
        var schema = input;
        foreach (var transformer in chain)
        {
            var output = transformer.GetOutputSchema(schema);
            if (output.Count(c => c.Name == ModelColumns.Features) > schema.Count(c => c.Name == ModelColumns.Features))
            {
                writersOfFeatures++;
            }

            schema = output;
        }

        Assert.AreEqual(1, writersOfFeatures, "only the shared featurizer writes Features");
        foreach (var task in new[] { "sentiment", "topic", "likes" })
        {
            Assert.IsNotNull(schema.GetColumnOrNull(TaskColumns.Score(task)), $"{task}.Score is written");
        }
    }

    [TestMethod]
    public void The_leak_guard_keeps_every_label_column_out_of_the_features()
    {
        var data = DemoSubset(300);
        Assert.AreEqual(ColumnRole.Categorical, data.Columns.Single(c => c.Name == "topic").Role, "the probe: topic would be a feature on its own");
        var options = Options(EvaluationStrategy.None);
        options.ClassWeighting = true;
        var result = new MultiTaskTrainer(new MLContext(1)).Train(data, options);

        Assert.IsTrue(result.Tasks.All(t => t.Trainer.Get(TrainerFactory.ClassWeightingParameter) == 1), "every classification head weighs its classes");
        var sources = result.Featurization.Groups.SelectMany(g => g.SourceColumn.Split(',')).ToHashSet();
        Assert.IsFalse(sources.Contains("topic"), "topic is a task, not a feature");
        Assert.IsFalse(sources.Contains("sentiment"));
        Assert.AreEqual(ColumnRole.Ignore, result.TrainingData.Columns.Single(c => c.Name == "topic").Role);
        Assert.AreEqual(ColumnRole.Label, result.TrainingData.Columns.Single(c => c.Name == "sentiment").Role);
    }

    [TestMethod]
    public void The_report_compares_each_task_with_a_separate_model_and_records_the_stacking_decision()
    {
        // Balanced class weights must come from the training rows only, as the separate model computes them.
        var options = Options(EvaluationStrategy.HoldOut, StackingMode.Auto);
        options.ClassWeighting = true;
        var result = new MultiTaskTrainer(new MLContext(1)).Train(DemoSubset(), options);

        foreach (var task in result.Tasks)
        {
            Assert.IsNotNull(task.Metrics, task.Name);
            Assert.IsNotNull(task.SeparateMetrics, task.Name);
            Assert.IsNotNull(task.VersusSeparate, task.Name);
        }

        // Without stacking a head is the same model as the separate one: the featurizer does not depend on the label, and
        // both weigh classes by the training rows.
        var topic = result.Tasks.Single(t => t.Name == "topic");
        Assert.AreEqual(topic.SeparateMetrics!.MacroF1!.Value, topic.Metrics!.MacroF1!.Value, 1e-6);
        Assert.IsTrue(topic.Metrics.MacroF1 > 0.8, $"topic is readable from the text: {topic.Metrics.MacroF1}");
        Assert.IsNotNull(result.Stacking.PlainScore);
        Assert.IsNotNull(result.Stacking.StackedScore);
        Assert.AreEqual(result.Stacking.StackedScore > result.Stacking.PlainScore, result.Stacking.Used, result.Stacking.Reason);
        Assert.AreEqual(result.Stacking.Used ? 1 : 0, result.Main.StackedInputs.Count);
    }

    [TestMethod]
    public void A_stacked_main_head_reads_the_auxiliary_outputs_at_prediction_time()
    {
        using var temp = new TempDirectory();
        var data = DemoSubset(400);
        var options = Options(EvaluationStrategy.None, StackingMode.On);
        var ml = new MLContext(1);
        var result = new MultiTaskTrainer(ml).Train(data, options);
        Assert.IsTrue(result.Stacking.Used);
        var path = temp.File("stacked.zip");
        ModelPackage.Save(ml, path, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(options));

        using var predictor = CrossModalPredictor.Load(path);
        var scoring = predictor.LoadInput(RepositoryPaths.DemoPosts, requireLabel: true).Select(Enumerable.Range(2500, 300).ToList());
        var metrics = predictor.EvaluateTasks(scoring);
        Assert.AreEqual(2, metrics.Count);
        Assert.IsTrue(metrics["topic"].MacroF1 > 0.7, $"topic macro-F1 {metrics["topic"].MacroF1}");
        Assert.IsTrue(metrics["sentiment"].MacroF1 > 0.5, $"sentiment macro-F1 {metrics["sentiment"].MacroF1}");
        Assert.AreEqual(metrics["sentiment"].MacroF1, predictor.Evaluate(scoring).MacroF1, "Evaluate reads the main task");
    }

    [TestMethod]
    public void With_a_budget_each_head_is_chosen_by_a_search_on_the_shared_features()
    {
        var options = Options(EvaluationStrategy.None);
        options.Search = new CrossModalML.AutoML.AutoMLExperimentOptions { Budget = new() { MaxTrials = 2 }, Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var trials = new List<CrossModalML.AutoML.TrialResult>();
        var result = new MultiTaskTrainer(new MLContext(1)).Train(DemoSubset(300), options, trials: new SynchronousProgress<CrossModalML.AutoML.TrialResult>(trials.Add));

        Assert.AreEqual(1, result.SharedFeaturizerFits, "searching heads does not refit the featurizer");
        foreach (var task in result.Tasks)
        {
            Assert.IsNotNull(task.Search, task.Name);
            Assert.AreEqual(2, task.Search.TrialsRun, task.Name);
            Assert.AreEqual(task.Search.BestTrainer, task.Trainer, "the head is the search's winner");
        }

        Assert.AreEqual(4, trials.Count(t => t.Status != CrossModalML.AutoML.TrialStatus.Running), "two trials per head, reported as they end");
    }

    [TestMethod]
    public void Retraining_a_multi_task_model_says_it_is_not_supported_yet()
    {
        using var temp = new TempDirectory();
        var options = Options(EvaluationStrategy.None);
        var ml = new MLContext(1);
        var result = new MultiTaskTrainer(ml).Train(DemoSubset(200), options);
        var path = temp.File("multi.zip");
        ModelPackage.Save(ml, path, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(options));

        var error = Assert.ThrowsExactly<NotSupportedException>(() => ModelRetrainer.Retrain(path, RepositoryPaths.DemoPosts, temp.File("new.zip")));
        StringAssert.Contains(error.Message, "MultiTaskOptions.Labels (sentiment,topic)");
    }

    [TestMethod]
    public void Bad_task_lists_fail_with_a_message_naming_the_problem()
    {
        var trainer = new MultiTaskTrainer(new MLContext(1));
        var data = DemoSubset(100);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, new MultiTaskOptions { Labels = ["sentiment"] })).Message, "at least two");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, new MultiTaskOptions { Labels = ["sentiment", "mood"] })).Message, "'mood'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => trainer.Train(data, new MultiTaskOptions { Labels = ["sentiment", "topic"], MainTask = "likes" })).Message, "'likes'");
    }
}
