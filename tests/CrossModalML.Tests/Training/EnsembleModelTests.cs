using System.Globalization;
using System.Text.Json.Nodes;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.Cli;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Ensemble;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training;

[TestClass]
[DoNotParallelize]
public sealed class EnsembleModelTests
{
    [TestMethod]
    public void An_ensemble_zip_scores_the_weighted_member_average_alike_in_ml_net_the_predictor_predict_and_evaluate()
    {
        using var temp = new TempDirectory();
        var trainPath = CliTests.DemoSubset(temp, "train.tsv", 0, 300);
        var testPath = CliTests.DemoSubset(temp, "test.tsv", 300, 60);
        var data = PostDatasetLoader.Load(trainPath, new PostLoadOptions { LabelColumn = "sentiment" });
        var ml = new MLContext(1);

        // Two members with different trainers and featurizer settings, weighted 2:1.
        var firstOptions = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.None } };
        var secondOptions = new TrainingOptions
        {
            Trainer = new TrainerSpec(TrainerNames.SdcaMaximumEntropy),
            Featurizer = new FeaturizerOptions { Text = { WordNgramLength = 1, UseCharNgrams = false }, Scaling = FeatureScaling.Blocks },
            Evaluation = { Strategy = EvaluationStrategy.None },
        };
        var first = new CrossModalTrainer(ml).Train(data, firstOptions);
        var second = new CrossModalTrainer(ml).Train(data, secondOptions);
        var model = EnsembleModelBuilder.Compose(ml, data.Task, data.ClassLabels, [first.Model, second.Model], [2, 1], data.DataView);
        var summary = new EnsembleSummary
        {
            Members =
            [
                new EnsembleMember(1, TrainerFactory.Default(data.Task), FeaturizerChoice.From(firstOptions.Featurizer), 2.0 / 3, double.NaN),
                new EnsembleMember(2, secondOptions.Trainer, FeaturizerChoice.From(secondOptions.Featurizer), 1.0 / 3, double.NaN),
            ],
            Metric = AutoMLMetric.MacroF1, Score = double.NaN, BestSingleScore = double.NaN, Candidates = 2, Rounds = 3, Rows = 0,
        };
        var zip = temp.File("ensemble.zip");
        ModelPackage.Save(ml, zip, model, data.DataView.Schema, first.ToManifest(data, firstOptions) with { Ensemble = summary });

        using var predictor = CrossModalPredictor.Load(zip);
        var test = predictor.LoadInput(testPath, requireLabel: true);
        var expected = Average(
            ScoredOutput.ReadProbabilities(first.Model.Transform(test.DataView), data.Task, data.ClassLabels.Count),
            ScoredOutput.ReadProbabilities(second.Model.Transform(test.DataView), data.Task, data.ClassLabels.Count));

        // A plain ML.NET consumer of the zip.
        var plain = new MLContext(1);
        CrossModalRegistration.Register(plain);
        var loaded = plain.Model.Load(zip, out _);
        var scored = loaded.Transform(test.DataView);
        AssertClose(expected, ScoredOutput.ReadProbabilities(scored, data.Task, data.ClassLabels.Count), "ML.NET");
        var labels = scored.GetColumn<string>(ModelColumns.PredictedLabel).ToList();
        CollectionAssert.AreEqual(expected.Select(p => data.ClassLabels[ArgMax(p)]).ToList(), labels, "PredictedLabel follows the averaged scores");

        // The C# predictor, batch and one post at a time.
        var batch = predictor.Predict(test);
        AssertClose(expected, batch.Select(p => data.ClassLabels.Select(c => p.Probabilities[c]).ToArray()).ToList(), "predictor batch");
        var fields = File.ReadLines(testPath).Take(2).Select(l => l.Split('\t')).ToList();
        var single = predictor.Predict(fields[0].Zip(fields[1]).ToDictionary(f => f.First, f => (string?)f.Second));
        AssertClose(expected.Take(1).ToList(), [data.ClassLabels.Select(c => single.Probabilities[c]).ToArray()], "predictor, one post");
        Assert.IsNotNull(ModelPackage.ReadManifest(zip).Ensemble);

        // The CLI's predict and evaluate.
        var (code, error) = CliRunner.Run("predict", "--model", zip, "--input", testPath, "--output", temp.File("predictions.tsv"));
        Assert.AreEqual(0, code, error);
        var lines = File.ReadAllLines(temp.File("predictions.tsv"));
        var header = lines[0].Split('\t');
        var columns = data.ClassLabels.Select(c => Array.IndexOf(header, "probability_" + c)).ToArray();
        var written = lines.Skip(1).Select(l => l.Split('\t')).Select(f => columns.Select(i => float.Parse(f[i], CultureInfo.InvariantCulture)).ToArray()).ToList();
        AssertClose(expected, written, "predict", tolerance: 1e-4);

        (code, error) = CliRunner.Run("evaluate", "--model", zip, "--dataset", testPath, "--report", temp.File("evaluate.json"));
        Assert.AreEqual(0, code, error);
        var metrics = JsonNode.Parse(File.ReadAllText(temp.File("evaluate.json")))!["metrics"]!;
        var truth = test.GetLabels().Select(l => data.ClassLabels.ToList().IndexOf(l)).ToList();
        var byHand = MetricsCalculator.Classification(data.ClassLabels, truth, expected);
        Assert.AreEqual(byHand.Accuracy!.Value, metrics["accuracy"]!.GetValue<double>(), 1e-9);
        Assert.AreEqual(byHand.MacroF1!.Value, metrics["macroF1"]!.GetValue<double>(), 1e-9);
    }

    private static List<float[]> Average(List<float[]> first, List<float[]> second) =>
        first.Select((p, i) => p.Select((v, j) => (2 * v + second[i][j]) / 3).ToArray()).ToList();

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    private static void AssertClose(IReadOnlyList<float[]> expected, IReadOnlyList<float[]> actual, string consumer, double tolerance = 1e-5)
    {
        Assert.HasCount(expected.Count, actual);
        for (int i = 0; i < expected.Count; i++)
        {
            for (int j = 0; j < expected[i].Length; j++)
            {
                Assert.AreEqual(expected[i][j], actual[i][j], tolerance, $"{consumer}: row {i}, class {j}");
            }
        }
    }
}
