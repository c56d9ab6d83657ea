using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class BlockScalingTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 150).ToList()));

    private static (IDataView Output, FeaturizationPipeline Pipeline, ITransformer Model) Featurize(PostDataset data, FeaturizerOptions options)
    {
        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var pipeline = CrossModalFeaturizer.Build(ml, data.Columns, options);
        var model = pipeline.Estimator.Fit(data.DataView);
        return (model.Transform(data.DataView), pipeline, model);
    }

    private static float[][] Rows(IDataView view, string column) =>
        view.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToArray();

    [TestMethod]
    public void Dense_blocks_are_standardised_to_unit_mean_square_length_and_text_keeps_its_l2_bags()
    {
        var (output, pipeline, _) = Featurize(Demo.Value, new FeaturizerOptions { Scaling = FeatureScaling.Blocks });
        var image = Rows(output, pipeline.Groups.Single(g => g.Name.StartsWith("image colour", StringComparison.Ordinal)).OutputColumn);
        double meanSquareLength = image.Average(r => r.Sum(x => (double)x * x));
        Assert.AreEqual(1, meanSquareLength, 0.05, "standardised slots divided by √(slots) give rows of about unit length on average");
        for (int slot = 0; slot < image[0].Length; slot++)
        {
            Assert.AreEqual(0, image.Average(r => r[slot]), 1e-3, $"slot {slot} is centred");
        }

        var text = Rows(output, pipeline.Groups.Single(g => g.Name.StartsWith("text n-grams", StringComparison.Ordinal)).OutputColumn);
        var lengths = text.Select(r => Math.Sqrt(r.Sum(x => (double)x * x))).ToList();
        Assert.IsTrue(
            lengths.All(l => l < 1e-6 || Math.Abs(l - Math.Sqrt(2)) < 1e-3),
            "the word and the character TF-IDF bags stay L2-normalised each (empty texts stay zero): " + string.Join(", ", lengths.Distinct().Take(5)));
        Assert.AreEqual(FeatureScaling.Blocks, pipeline.Scaling);
    }

    [TestMethod]
    public void The_image_weight_multiplies_only_the_image_slots_and_survives_save_and_load()
    {
        var data = Demo.Value;
        var (plain, _, _) = Featurize(data, new FeaturizerOptions { Scaling = FeatureScaling.Blocks });
        var (weighted, pipeline, model) = Featurize(data, new FeaturizerOptions { Scaling = FeatureScaling.Blocks, ImageWeight = 2 });
        var a = Rows(plain, FeaturizationPipeline.FeaturesColumnName);
        var b = Rows(weighted, FeaturizationPipeline.FeaturesColumnName);
        var imageSlots = ImageSlots(weighted, pipeline);
        for (int r = 0; r < a.Length; r++)
        {
            for (int j = 0; j < a[r].Length; j++)
            {
                Assert.AreEqual(imageSlots.Contains(j) ? 2 * a[r][j] : a[r][j], b[r][j], 1e-5, $"row {r}, slot {j}");
            }
        }

        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.DataView.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);
        var c = Rows(loaded.Transform(data.DataView), FeaturizationPipeline.FeaturesColumnName);
        Assert.AreEqual(b[7][imageSlots.First()], c[7][imageSlots.First()], 1e-6, "the loaded model scales the same way");
    }

    [TestMethod]
    public void Cached_search_features_equal_the_featurizer_own_weighting()
    {
        var data = Demo.Value;
        var baseOptions = new FeaturizerOptions();
        var choice = FeaturizerChoice.From(baseOptions) with { Scaling = FeatureScaling.Blocks, ImageWeight = 0.5, MetadataWeight = 2 };
        var cached = new FeatureCache(data, baseOptions, seed: 1).Get(choice, CancellationToken.None);
        var (direct, _, _) = Featurize(data, choice.Apply(baseOptions));
        var expected = Rows(direct, FeaturizationPipeline.FeaturesColumnName);
        Assert.AreEqual(expected[0].Length, cached.Length);
        for (int r = 0; r < expected.Length; r++)
        {
            var actual = cached.Rows[r].DenseValues().ToArray();
            for (int j = 0; j < actual.Length; j++)
            {
                Assert.AreEqual(expected[r][j], actual[j], 1e-4, $"row {r}, slot {j}");
            }
        }
    }

    [TestMethod]
    public void A_non_positive_modality_weight_is_rejected_with_its_name()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            CrossModalFeaturizer.Build(new MLContext(1), Demo.Value.Columns, new FeaturizerOptions { Scaling = FeatureScaling.Blocks, ImageWeight = 0 }));
        StringAssert.Contains(error.Message, "image weight");
    }

    private static HashSet<int> ImageSlots(IDataView output, FeaturizationPipeline pipeline)
    {
        var slots = new HashSet<int>();
        int offset = 0;
        foreach (var group in pipeline.Groups)
        {
            int width = output.Schema[group.OutputColumn].Type is VectorDataViewType v ? v.Size : 1;
            if (group.Modality == Modality.Image)
            {
                slots.UnionWith(Enumerable.Range(offset, width));
            }

            offset += width;
        }

        return slots;
    }
}
