using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

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
        // Every tree trainer has a leaf count and a tree count (LightGBM calls its trees iterations): six ranges in all.
        static List<HyperparameterRange> Counts(SearchSpace space) => space.Trainers
            .Where(t => t.TrainerName is TrainerNames.LightGbm or TrainerNames.FastTree or TrainerNames.FastForest)
            .SelectMany(t => t.Hyperparameters.Where(h => h.Name is "NumberOfLeaves" or "NumberOfTrees"
                || (t.TrainerName == TrainerNames.LightGbm && h.Name == "NumberOfIterations")))
            .ToList();

        var small = Counts(SearchSpaceCatalog.For(TaskKind.Binary, 300, Columns, new FeaturizerOptions()));
        var large = Counts(SearchSpaceCatalog.For(TaskKind.Binary, 1_000_000, Columns, new FeaturizerOptions()));

        Assert.AreEqual(6, small.Count, string.Join("; ", small));
        Assert.IsTrue(small.All(h => h.Max == 300), string.Join("; ", small));
        Assert.AreEqual(6, large.Count, string.Join("; ", large));
        Assert.IsTrue(large.All(h => h.Max == 32_768), string.Join("; ", large));
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

        Assert.AreEqual(FeaturizerChoice.FromDimensions(point.Values, new FeaturizerOptions()), FeaturizerChoice.FromDimensions(other.Values, new FeaturizerOptions()));
    }

    [TestMethod]
    public void Block_scaling_starts_on_and_modality_weights_are_searched_only_for_modalities_present()
    {
        var fused = SearchSpaceCatalog.For(TaskKind.Binary, 1_000, Columns, new FeaturizerOptions());
        var textOnly = SearchSpaceCatalog.For(TaskKind.Binary, 1_000, [new("text", ColumnRole.Text), new("label", ColumnRole.Label)], new FeaturizerOptions());

        Assert.AreEqual(1, fused.Featurizer.Single(d => d.Name == FeaturizerChoice.BlockScalingName).Start);
        Assert.IsTrue(fused.Featurizer.Any(d => d.Name == FeaturizerChoice.ImageWeightName && d.LogScale));
        Assert.IsTrue(fused.Featurizer.Any(d => d.Name == FeaturizerChoice.MetadataWeightName));
        Assert.IsFalse(textOnly.Featurizer.Any(d => d.Name is FeaturizerChoice.ImageWeightName or FeaturizerChoice.MetadataWeightName));
        var start = TrialConfiguration.FromPoint(fused, fused.StartPoint(TrainerNames.LbfgsLogisticRegression), new FeaturizerOptions()).Featurizer;
        Assert.AreEqual(FeatureScaling.Blocks, start.Scaling);
    }

    [TestMethod]
    public void With_min_max_scaling_the_modality_weights_do_not_tell_choices_apart()
    {
        var a = new SearchPoint(TrainerNames.LightGbm, new Dictionary<string, double> { [FeaturizerChoice.BlockScalingName] = 0, [FeaturizerChoice.ImageWeightName] = 4 });
        var b = new SearchPoint(TrainerNames.LightGbm, new Dictionary<string, double> { [FeaturizerChoice.BlockScalingName] = 0, [FeaturizerChoice.ImageWeightName] = 0.25 });
        var c = new SearchPoint(TrainerNames.LightGbm, new Dictionary<string, double> { [FeaturizerChoice.BlockScalingName] = 1, [FeaturizerChoice.ImageWeightName] = 1.05 });

        Assert.AreEqual(FeaturizerChoice.FromDimensions(a.Values, new FeaturizerOptions()), FeaturizerChoice.FromDimensions(b.Values, new FeaturizerOptions()));
        Assert.AreEqual(1, FeaturizerChoice.FromDimensions(c.Values, new FeaturizerOptions()).ImageWeight, "block weights are rounded to powers of 2^(1/4)");
    }

    [TestMethod]
    public void A_log_scaled_range_with_a_non_positive_minimum_is_rejected()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new HyperparameterRange("L2", 0, 1, 0.5, logScale: true));
        StringAssert.Contains(error.Message, "positive minimum");
    }

    [TestMethod]
    public void A_choice_applied_to_the_users_options_keeps_every_text_setting_the_search_does_not_vary()
    {
        // Every settable text option the search does not vary gets a non-default value; Apply must carry each one over, so
        // a trial and the winner's refit featurize as the user asked. A new option that Apply forgets fails here.
        var searched = new HashSet<string>
        {
            nameof(TextFeaturizerOptions.WordNgramLength), nameof(TextFeaturizerOptions.UseCharNgrams), nameof(TextFeaturizerOptions.CharNgramLength),
            nameof(TextFeaturizerOptions.WordVectors), nameof(TextFeaturizerOptions.SentenceEncoder),
        };
        var text = new TextFeaturizerOptions();
        var kept = typeof(TextFeaturizerOptions).GetProperties().Where(p => p.CanWrite && !searched.Contains(p.Name)).ToList();
        foreach (var property in kept)
        {
            Assert.AreEqual(typeof(bool), property.PropertyType, $"{property.Name}: this test sets bool options only; give it a value for this type");
            property.SetValue(text, !(bool)property.GetValue(text)!);
        }

        var options = new FeaturizerOptions { Text = text };
        var applied = FeaturizerChoice.From(options).Apply(options).Text;
        Assert.IsTrue(kept.Count >= 4, "the options the search leaves alone were found");
        foreach (var property in kept)
        {
            Assert.AreEqual(property.GetValue(text), property.GetValue(applied), property.Name);
        }
    }
}
