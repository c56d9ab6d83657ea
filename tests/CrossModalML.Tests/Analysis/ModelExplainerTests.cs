using CrossModalML.Analysis.Explanations;
using CrossModalML.Data;
using CrossModalML.Demo;
using CrossModalML.Featurization;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class ModelExplainerTests
{
    private static readonly Lazy<IReadOnlyList<DemoPostTruth>> Truth = new(() =>
    {
        using var temp = new TempDirectory();
        return DemoDataGenerator.Generate(temp.Path).GroundTruth.Posts;
    });

    /// <summary>Demo rows whose sentiment the generator put only in the given channel (and whose label was not flipped).</summary>
    private static PostDataset CueSubset(SentimentCueChannel channel, int count)
    {
        var data = DemoModel.Data;
        var ids = data.GetColumnValues("id");
        var wanted = Truth.Value.Where(p => p.CueChannel == channel && !p.LabelFlipped && p.HasImage).Select(p => p.Id).ToHashSet();
        var rows = Enumerable.Range(0, data.RowCount).Where(i => wanted.Contains(ids[i])).Take(count).ToList();
        return data.Select(rows);
    }

    [TestMethod]
    public void The_image_ranks_first_for_posts_whose_sentiment_only_the_image_shows()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var explainer = new ModelExplainer(predictor, new ExplainerOptions { Repeats = 2 });

        var imageOnly = explainer.ExplainGlobal(CueSubset(SentimentCueChannel.Image, 250));
        var textOnly = explainer.ExplainGlobal(CueSubset(SentimentCueChannel.Text, 250));

        Assert.AreEqual("Image", imageOnly.Modalities[0].Name, string.Join(", ", imageOnly.Modalities.Select(m => $"{m.Name} {m.Drop:0.000}")));
        Assert.AreEqual("Text", textOnly.Modalities[0].Name, string.Join(", ", textOnly.Modalities.Select(m => $"{m.Name} {m.Drop:0.000}")));
        Assert.IsTrue(imageOnly.Modalities[0].Drop > 0.2, "scrambling images must hurt image-cued posts badly");
        Assert.AreEqual("macro-F1", imageOnly.Metric);
        Assert.AreEqual(imageOnly.Modalities.Count, imageOnly.Modalities.Select(m => m.Name).Distinct().Count());
    }

    [TestMethod]
    public void Per_post_contributions_credit_the_image_on_image_cued_posts()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var explainer = new ModelExplainer(predictor);
        var posts = CueSubset(SentimentCueChannel.Image, 60);
        var columns = posts.Columns.Where(c => c.Role != ColumnRole.Label).Select(c => c.Name).ToList();
        var values = columns.ToDictionary(c => c, posts.GetColumnValues);

        double image = 0, text = 0;
        for (int i = 0; i < posts.RowCount; i++)
        {
            var post = columns.ToDictionary(c => c, c => (string?)values[c][i]);
            var explanation = explainer.ExplainPost(post);
            image += explanation.Modalities.Single(m => m.Modality == Modality.Image).Delta;
            text += explanation.Modalities.Single(m => m.Modality == Modality.Text).Delta;
            Assert.IsFalse(explanation.Columns.Any(c => c.Name == "user_id"), "user ids are never explained as inputs");
        }

        Assert.IsTrue(image > text, $"mean image contribution {image / posts.RowCount:0.000} vs text {text / posts.RowCount:0.000}");
    }

    [TestMethod]
    public void The_summary_names_the_strongest_modality_and_direction()
    {
        var explanation = new PostExplanation("negative", 0.8,
            [new Contribution("Image", Modality.Image, 0.41), new Contribution("Text", Modality.Text, -0.05)], []);
        Assert.AreEqual("the image pushed this post towards 'negative' (+0.41)", explanation.Summary());
    }
}
