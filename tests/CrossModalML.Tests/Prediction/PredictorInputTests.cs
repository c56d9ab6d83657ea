using System.Text.Json;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class PredictorInputTests
{
    private static CrossModalPredictor _predictor = null!;

    [ClassInitialize]
    public static void LoadModel(TestContext context) => _predictor = CrossModalPredictor.Load(DemoModel.ModelPath);

    [ClassCleanup]
    public static void DisposeModel() => _predictor.Dispose();

    private static void AssertSame(PostPrediction expected, PostPrediction actual)
    {
        Assert.AreEqual(expected.PredictedLabel, actual.PredictedLabel);
        foreach (var (label, probability) in expected.Probabilities)
        {
            Assert.AreEqual(probability, actual.Probabilities[label], 1e-5f, label);
        }
    }

    [TestMethod]
    public void Typed_posts_score_like_the_same_post_as_a_dictionary()
    {
        foreach (var post in DemoPosts.Dictionaries(15))
        {
            AssertSame(_predictor.Predict(post), _predictor.Predict(DemoPosts.Typed(post)));
        }
    }

    [TestMethod]
    public void A_type_without_a_property_for_a_model_column_is_rejected_naming_the_column()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _predictor.Predict(new { Text = "hello", Image = "", Timestamp = "", Likes = 1f, Shares = 2f }));
        StringAssert.Contains(error.Message, "'topic'");
    }

    [TestMethod]
    public void A_property_of_the_wrong_type_is_rejected_naming_property_and_column()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            _predictor.Predict(new { Text = "hello", Image = "", Timestamp = "", Likes = "many", Shares = 2f, Topic = "music" }));
        StringAssert.Contains(error.Message, "Likes");
        StringAssert.Contains(error.Message, "'likes'");
        StringAssert.Contains(error.Message, "float");
    }

    [TestMethod]
    public void Json_posts_score_like_dictionaries_and_match_names_ignoring_case()
    {
        var post = DemoPosts.Dictionaries(1, skip: 7)[0];
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["TEXT"] = post["text"],
            ["image"] = post["image"],
            ["timestamp"] = post["timestamp"],
            ["likes"] = double.Parse(post["likes"]!, System.Globalization.CultureInfo.InvariantCulture),
            ["shares"] = null,
            ["Topic"] = post["topic"],
        });
        var expected = _predictor.Predict(new Dictionary<string, string?>(post) { ["shares"] = null, ["id"] = null, ["user_id"] = null });

        AssertSame(expected, _predictor.PredictJson(json));
        using var document = JsonDocument.Parse(json);
        AssertSame(expected, _predictor.Predict(document.RootElement));
    }

    [TestMethod]
    public void Json_with_an_unknown_column_is_rejected_listing_the_columns()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => _predictor.PredictJson("{\"text\": \"hi\", \"mood\": \"happy\"}"));
        StringAssert.Contains(error.Message, "'mood'");
        StringAssert.Contains(error.Message, "'text'");
    }

    [TestMethod]
    public void Json_that_is_not_an_object_or_not_json_is_rejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => _predictor.PredictJson("[1, 2]"));
        Assert.ThrowsExactly<ArgumentException>(() => _predictor.PredictJson("{\"text\": "));
        Assert.ThrowsExactly<ArgumentException>(() => _predictor.PredictJson("{\"text\": {\"nested\": 1}}"));
    }

    [TestMethod]
    public void Top_classes_are_ordered_by_probability_and_capped_at_k()
    {
        var prediction = _predictor.Predict(DemoPosts.Dictionaries(1)[0]);
        var top = prediction.TopClasses(2);

        Assert.HasCount(2, top);
        Assert.AreEqual(prediction.PredictedLabel, top[0].Label);
        Assert.IsTrue(top[0].Probability >= top[1].Probability);
        Assert.HasCount(prediction.Probabilities.Count, prediction.TopClasses(100));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => prediction.TopClasses(0));
    }
}
