using CrossModalML.Analysis.Explanations;
using CrossModalML.Data;
using CrossModalML.Demo;
using CrossModalML.Featurization;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class PredictorExplanationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, DemoPostTruth>> Truth = new(() =>
    {
        using var temp = new TempDirectory();
        return DemoDataGenerator.Generate(temp.Path).GroundTruth.Posts.ToDictionary(p => p.Id);
    });

    /// <summary>Share of the posts cued only by <paramref name="channel"/> whose explanation ranks <paramref name="expected"/> first.</summary>
    private static (double Share, int Posts) TopModalityShare(CrossModalPredictor predictor, SentimentCueChannel channel, Modality expected, int count)
    {
        var data = DemoModel.Data;
        var ids = data.GetColumnValues("id");
        var rows = Enumerable.Range(0, data.RowCount)
            .Where(i => Truth.Value[ids[i]] is { LabelFlipped: false, HasImage: true } truth && truth.CueChannel == channel)
            .Take(count).ToList();
        var columns = data.Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore)).Select(c => c.Name).ToList();
        int first = 0;
        foreach (int row in rows)
        {
            var explanation = predictor.Explain(columns.ToDictionary(c => c, c => (string?)data.GetColumnValues(c)[row]));
            if (explanation.Modalities[0].Modality == expected)
            {
                first++;
            }
        }

        return ((double)first / rows.Count, rows.Count);
    }

    [TestMethod]
    public void The_predictor_credits_the_channel_the_generator_planted_the_sentiment_in()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);

        var image = TopModalityShare(predictor, SentimentCueChannel.Image, Modality.Image, 24);
        var text = TopModalityShare(predictor, SentimentCueChannel.Text, Modality.Text, 24);

        Assert.IsTrue(image.Share >= 0.75, $"the image ranks first on {image.Share:P0} of {image.Posts} image-cued posts");
        Assert.IsTrue(text.Share >= 0.75, $"the text ranks first on {text.Share:P0} of {text.Posts} text-cued posts");
    }

    [TestMethod]
    public void Explain_matches_the_prediction_and_rejects_an_unknown_task()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var data = DemoModel.Data;
        var post = data.Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore)).ToDictionary(c => c.Name, c => (string?)data.GetColumnValues(c.Name)[0]);

        var explanation = predictor.Explain(post);
        var prediction = predictor.Predict(post);

        Assert.AreEqual(prediction.PredictedLabel, explanation.PredictedLabel);
        Assert.AreEqual(prediction.Probabilities[prediction.PredictedLabel!], explanation.Score, 1e-5);
        Assert.IsTrue(explanation.Summary().Contains(prediction.PredictedLabel!, StringComparison.Ordinal), explanation.Summary());
        var error = Assert.ThrowsExactly<ArgumentException>(() => predictor.Explain(post, task: "topic"));
        StringAssert.Contains(error.Message, "'sentiment'");
    }
}
