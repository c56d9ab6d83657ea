using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class SpilledFeatureFitTests
{
    private static readonly Lazy<PostDataset> Subset = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 400).ToList()));

    [TestMethod]
    [DataRow(null)]
    [DataRow(1.0)]
    public void A_fit_with_its_features_on_disk_predicts_exactly_as_the_in_memory_fit(double? classWeighting)
    {
        var data = Subset.Value;
        var trainer = classWeighting is { } weighting
            ? new TrainerSpec(TrainerNames.LbfgsMaximumEntropy, new Dictionary<string, double> { [TrainerFactory.ClassWeightingParameter] = weighting })
            : TrainerFactory.Default(data.Task);
        var ml = new MLContext(1);
        var featurization = CrossModalFeaturizer.Build(ml, data.Columns, new FeaturizerOptions());
        var weights = ClassWeights.Balanced(data.GetLabels(), data.ClassLabels);
        var encoded = ModelPipelineBuilder.LabelEncoding(ml, data.Task, data.LabelColumn!, data.ClassLabels, weights).Fit(data.DataView).Transform(data.DataView);

        var inMemory = ModelPipelineBuilder.Model(ml, data.Task, featurization, trainer).Fit(encoded);
        var onDisk = SpilledFeatureFit.Fit(new MLContext(1), data.Task, featurization, trainer, encoded);

        var expected = inMemory.Transform(data.DataView);
        var actual = onDisk.Transform(data.DataView);
        CollectionAssert.AreEqual(
            expected.GetColumn<VBuffer<float>>(ModelColumns.Score).SelectMany(v => v.DenseValues()).ToArray(),
            actual.GetColumn<VBuffer<float>>(ModelColumns.Score).SelectMany(v => v.DenseValues()).ToArray());
        CollectionAssert.AreEqual(
            expected.GetColumn<string>(ModelColumns.PredictedLabel).ToArray(),
            actual.GetColumn<string>(ModelColumns.PredictedLabel).ToArray(),
            "the class text comes out as the in-memory model writes it");

        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "spilled.zip");
        ml.Model.Save(onDisk, data.DataView.Schema, path);
        var loadContext = new MLContext(1);
        CrossModalRegistration.Register(loadContext);
        var loaded = loadContext.Model.Load(path, out _).Transform(data.DataView);
        CollectionAssert.AreEqual(
            expected.GetColumn<string>(ModelColumns.PredictedLabel).ToArray(),
            loaded.GetColumn<string>(ModelColumns.PredictedLabel).ToArray(),
            "the chain saves and loads like any model");
    }
}
