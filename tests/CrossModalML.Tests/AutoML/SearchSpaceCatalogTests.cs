using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class SearchSpaceCatalogTests
{
    private static readonly ColumnSchema[] Columns =
    [
        new("text", ColumnRole.Text), new("image", ColumnRole.Image), new("likes", ColumnRole.Numeric), new("label", ColumnRole.Label),
    ];

    [TestMethod]
    [DataRow(TaskKind.Binary)]
    [DataRow(TaskKind.Multiclass)]
    [DataRow(TaskKind.Regression)]
    public void Every_candidate_and_hyperparameter_is_one_the_trainer_factory_accepts(TaskKind task)
    {
        var space = SearchSpaceCatalog.For(task, 5_000, Columns, new FeaturizerOptions());
        foreach (var trainer in space.Trainers)
        {
            CollectionAssert.Contains(TrainerFactory.NamesFor(task).ToList(), trainer.TrainerName);
            var config = TrialConfiguration.FromPoint(space, space.StartPoint(trainer.TrainerName), new FeaturizerOptions());
            _ = TrainerFactory.Create(new Microsoft.ML.MLContext(1), task, config.Trainer, ModelColumns.EncodedLabel, ModelColumns.Features);
        }
    }

    [TestMethod]
    public void Tree_and_leaf_counts_are_capped_by_the_row_count()
    {
        var space = SearchSpaceCatalog.For(TaskKind.Binary, 300, Columns, new FeaturizerOptions());
        var ranges = space.Trainers.SelectMany(t => t.Hyperparameters).Where(h => h.Name is "NumberOfLeaves" or "NumberOfTrees" or "NumberOfIterations" && h.Min == 4);
        Assert.IsTrue(ranges.All(h => h.Max == 300), string.Join("; ", ranges));
    }

    [TestMethod]
    public void The_image_featurizer_is_searched_only_when_an_onnx_model_is_given()
    {
        var builtIn = SearchSpaceCatalog.For(TaskKind.Binary, 1_000, Columns, new FeaturizerOptions());
        var onnx = SearchSpaceCatalog.For(TaskKind.Binary, 1_000, Columns, new FeaturizerOptions
        {
            Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2("model.onnx") },
        });

        Assert.IsFalse(builtIn.Featurizer.Any(d => d.Name == FeaturizerChoice.OnnxImageFeaturesName));
        Assert.AreEqual(1, onnx.Featurizer.Single(d => d.Name == FeaturizerChoice.OnnxImageFeaturesName).Start);
    }

    [TestMethod]
    public void Featurizer_choices_that_featurize_alike_are_equal()
    {
        var point = new SearchPoint(TrainerNames.LightGbm, new Dictionary<string, double>
        {
            [FeaturizerChoice.UseCharNgramsName] = 0, [FeaturizerChoice.CharNgramLengthName] = 5, [FeaturizerChoice.WordNgramLengthName] = 2,
        });
        var other = new SearchPoint(TrainerNames.LightGbm, new Dictionary<string, double>
        {
            [FeaturizerChoice.UseCharNgramsName] = 0, [FeaturizerChoice.CharNgramLengthName] = 3, [FeaturizerChoice.WordNgramLengthName] = 2,
        });

        Assert.AreEqual(FeaturizerChoice.FromPoint(point, new FeaturizerOptions()), FeaturizerChoice.FromPoint(other, new FeaturizerOptions()));
    }

    [TestMethod]
    public void A_log_scaled_range_with_a_non_positive_minimum_is_rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new HyperparameterRange("L2", 0, 1, 0.5, logScale: true));
        StringAssert.Contains(error.Message, "positive minimum");
    }
}
