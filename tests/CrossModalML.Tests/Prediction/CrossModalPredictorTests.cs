using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
public sealed class CrossModalPredictorTests
{
    private static IReadOnlyList<IReadOnlyDictionary<string, string?>> DemoPosts(int count) => Prediction.DemoPosts.Dictionaries(count);

    [TestMethod]
    public void One_post_and_a_batch_give_the_same_answer()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var posts = DemoPosts(20);
        var batch = predictor.PredictBatch(posts);
        for (int i = 0; i < posts.Count; i++)
        {
            var single = predictor.Predict(posts[i]);
            Assert.AreEqual(batch[i].PredictedLabel, single.PredictedLabel);
            foreach (var (label, probability) in batch[i].Probabilities)
            {
                Assert.AreEqual(probability, single.Probabilities[label], 1e-5f);
            }
        }
    }

    [TestMethod]
    public void Predictions_agree_with_the_model_on_the_training_data()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var predictions = predictor.Predict(DemoModel.Data);
        var truth = DemoModel.Data.GetLabels();
        double accuracy = predictions.Zip(truth).Count(p => p.First.PredictedLabel == p.Second) / (double)truth.Count;

        Assert.AreEqual(truth.Count, predictions.Count);
        Assert.IsTrue(accuracy > 0.8, $"training accuracy {accuracy:0.000}");
        Assert.IsTrue(predictions.All(p => Math.Abs(p.Probabilities.Values.Sum() - 1f) < 1e-3f));
    }

    [TestMethod]
    public void Concurrent_callers_get_the_same_answers_as_one_caller()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var posts = DemoPosts(40);
        var expected = posts.Select(p => predictor.Predict(p).PredictedLabel).ToList();
        var actual = new string?[posts.Count * 4];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            actual[i] = predictor.Predict(posts[i % posts.Count]).PredictedLabel);

        for (int i = 0; i < actual.Length; i++)
        {
            Assert.AreEqual(expected[i % posts.Count], actual[i], $"call {i}");
        }
    }

    [TestMethod]
    public void A_post_with_a_missing_image_and_no_metadata_is_still_scored()
    {
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var prediction = predictor.Predict(new Dictionary<string, string?>
        {
            ["text"] = "Absolutely love this, best day ever :) #happy",
            ["image"] = "no/such/image.png",
        });

        Assert.IsNotNull(prediction.PredictedLabel);
        Assert.AreEqual(1f, prediction.Probabilities.Values.Sum(), 1e-3f);
    }

    [TestMethod]
    public void A_disposed_predictor_refuses_calls()
    {
        var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        predictor.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => predictor.Predict(new Dictionary<string, string?> { ["text"] = "hi" }));
    }
}
