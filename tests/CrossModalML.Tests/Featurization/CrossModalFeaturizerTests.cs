using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;
using SkiaSharp;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class CrossModalFeaturizerTests
{
    private static readonly ColumnSchema[] Schema =
    [
        new("id", ColumnRole.Id),
        new("body", ColumnRole.Text),
        new("picture", ColumnRole.Image),
        new("likes", ColumnRole.Numeric),
        new("lang", ColumnRole.Categorical),
        new("posted", ColumnRole.Timestamp),
        new("author", ColumnRole.User),
    ];

    private static string DrawImage(TempDirectory temp, string name, SKColor color)
    {
        using var bitmap = new SKBitmap(32, 32);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var path = temp.File(name);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static PostDataset Posts(TempDirectory temp)
    {
        var red = DrawImage(temp, "red.png", SKColors.Red);
        var blue = DrawImage(temp, "blue.png", SKColors.Blue);
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        for (int i = 0; i < 12; i++)
        {
            rows.Add(new Dictionary<string, string?>
            {
                ["id"] = $"p{i}",
                ["body"] = i % 2 == 0 ? $"Great day #{i} :)" : "awful weather, so sad",
                ["picture"] = i % 3 == 0 ? "" : i % 2 == 0 ? red : blue,
                ["likes"] = i == 5 ? "" : (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["lang"] = i % 2 == 0 ? "en" : "es",
                ["posted"] = $"2026-01-0{1 + i % 7}T1{i % 10}:00:00Z",
                ["author"] = $"u{i % 3}",
            });
        }

        return PostDataset.FromRows(Schema, TaskKind.Auto, [], rows, temp.Path);
    }

    [TestMethod]
    public void Every_modality_gives_its_groups_and_the_features_are_their_concatenation()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(1);
        var data = Posts(temp);
        var pipeline = CrossModalFeaturizer.Build(ml, Schema, new FeaturizerOptions());
        var output = pipeline.Estimator.Fit(data.DataView).Transform(data.DataView);

        CollectionAssert.AreEquivalent(new[] { Modality.Text, Modality.Image, Modality.Metadata }, pipeline.Groups.Select(g => g.Modality).Distinct().ToArray());
        Assert.IsFalse(pipeline.Groups.Any(g => g.SourceColumn is "author" or "id"), "user and id columns are never featurized");
        int total = pipeline.Groups.Sum(g => output.Schema[g.OutputColumn].Type is VectorDataViewType v ? v.Size : 1);
        Assert.AreEqual(total, ((VectorDataViewType)output.Schema[FeaturizationPipeline.FeaturesColumnName].Type).Size);
    }

    [TestMethod]
    public void Text_only_builds_only_text_groups()
    {
        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), Schema, new FeaturizerOptions { Modalities = Modality.Text });
        Assert.IsTrue(pipeline.Groups.All(g => g.Modality == Modality.Text));
        Assert.AreEqual(2, pipeline.Groups.Count, "n-grams and social signals of the one text column");
    }

    [TestMethod]
    public void Modalities_that_match_no_column_are_an_error_naming_the_columns()
    {
        ColumnSchema[] textOnly = [new("body", ColumnRole.Text), new("y", ColumnRole.Label)];
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            CrossModalFeaturizer.Build(new MLContext(1), textOnly, new FeaturizerOptions { Modalities = Modality.Image }));
        StringAssert.Contains(ex.Message, "body (Text)");
    }

    [TestMethod]
    public void Missing_images_and_numbers_become_zeros_and_flags()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(1);
        var data = Posts(temp);
        var pipeline = CrossModalFeaturizer.Build(ml, Schema, new FeaturizerOptions());
        var output = pipeline.Estimator.Fit(data.DataView).Transform(data.DataView);

        var imageGroup = pipeline.Groups.First(g => g.Modality == Modality.Image && g.Name.StartsWith("image colour", StringComparison.Ordinal));
        var missingGroup = pipeline.Groups.First(g => g.Name.StartsWith("image missing", StringComparison.Ordinal));
        var stats = FeatureVectors.Column(output, imageGroup.OutputColumn);
        var missing = output.GetColumn<float>(missingGroup.OutputColumn).ToArray();
        for (int i = 0; i < stats.Length; i++)
        {
            Assert.AreEqual(i % 3 == 0 ? 1f : 0f, missing[i], $"row {i}");
            Assert.AreEqual(i % 3 == 0, stats[i].All(v => v == 0), $"row {i}");
        }

        var numberFlags = FeatureVectors.Column(output, pipeline.Groups.First(g => g.Name == "missing-number flags").OutputColumn);
        Assert.AreEqual(1f, numberFlags[5][0]);
        Assert.AreEqual(0f, numberFlags[4][0]);
        Assert.IsFalse(FeatureVectors.Column(output, "Features").Any(row => row.Any(float.IsNaN)), "no NaN reaches the features");
    }

    [TestMethod]
    public void A_saved_featurizer_loads_back_and_gives_identical_features()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(1);
        var data = Posts(temp);
        var model = CrossModalFeaturizer.Build(ml, Schema, new FeaturizerOptions()).Estimator.Fit(data.DataView);
        var path = temp.File("featurizer.zip");
        ml.Model.Save(model, data.DataView.Schema, path);

        var loadingContext = new MLContext(2);
        CrossModalRegistration.Register(loadingContext);
        var loaded = loadingContext.Model.Load(path, out _);

        var before = FeatureVectors.Column(model.Transform(data.DataView), "Features");
        var after = FeatureVectors.Column(loaded.Transform(data.DataView), "Features");
        for (int i = 0; i < before.Length; i++)
        {
            CollectionAssert.AreEqual(before[i], after[i], $"row {i}");
        }
    }

    [TestMethod]
    public void MobileNetV2_embeds_images_and_survives_save_load_without_the_onnx_file()
    {
        var shared = RepositoryPaths.SharedOrInconclusive("models", "mobilenetv2-12-int8", "mobilenetv2-12-int8-embed-rgb255.onnx");
        using var temp = new TempDirectory();
        var onnxCopy = temp.File("encoder.onnx");
        File.Copy(shared, onnxCopy);
        var ml = new MLContext(1);
        var data = Posts(temp);
        var options = new FeaturizerOptions
        {
            Modalities = Modality.Image,
            Image = { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(onnxCopy) },
        };
        var pipeline = CrossModalFeaturizer.Build(ml, Schema, options);
        var model = pipeline.Estimator.Fit(data.DataView);
        var embeddings = FeatureVectors.Column(model.Transform(data.DataView), pipeline.Groups[0].OutputColumn);

        Assert.AreEqual("encoder.onnx", pipeline.ImageModel!.FileName);
        Assert.AreEqual(64, pipeline.ImageModel.Sha256.Length);
        Assert.AreEqual(1280, embeddings[1].Length);
        Assert.IsFalse(embeddings[1].SequenceEqual(embeddings[2]), "a red and a blue image embed differently");
        Assert.IsTrue(embeddings[2].SequenceEqual(embeddings[4]), "the same image embeds the same");
        Assert.IsTrue(embeddings[0].SequenceEqual(embeddings[3]), "every missing image gets the same placeholder embedding");

        var path = temp.File("image-model.zip");
        ml.Model.Save(model, data.DataView.Schema, path);
        (model as IDisposable)?.Dispose();
        File.Delete(onnxCopy);
        var loadingContext = new MLContext(1);
        CrossModalRegistration.Register(loadingContext);
        var loaded = loadingContext.Model.Load(path, out _);
        var reloaded = FeatureVectors.Column(loaded.Transform(data.DataView), pipeline.Groups[0].OutputColumn);
        CollectionAssert.AreEqual(embeddings[1], reloaded[1]);
        (loaded as IDisposable)?.Dispose();
    }
}
