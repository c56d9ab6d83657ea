using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

/// <summary>Retrieval on the demo posts, whose texts and images share each post's sentiment (on cue posts) and topic
/// (text always, image glyph 60 % of the time).</summary>
[TestClass]
public sealed class CrossModalRetrievalTests
{
    private static readonly Lazy<PostDataset> Demo = new(() => PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions()));

    // A few hundred posts are enough to exercise fitting, saving and querying quickly.
    private static readonly Lazy<PostDataset> SmallDemo = new(() => Demo.Value.Select(Enumerable.Range(0, 400).ToArray()));

    [TestMethod]
    public void Held_out_retrieval_on_the_demo_posts_clearly_beats_random()
    {
        // CCA at the default λ = 0.01: with Method Auto the λ chosen on held-back pairs moves the figures below.
        var evaluation = RetrievalEvaluator.Evaluate(Demo.Value, new RetrievalOptions { Method = RetrievalMethod.Cca });

        // Only the planted sentiment and topic link a text to its image, and many posts share both, so exact-pair
        // retrieval stays modest; measured ≈ 0.05 recall@10 and median rank ≈ 140 of 580 (random: 0.017 and 290.5).
        // Demand at least twice random recall@10 and a median rank below 70 % of random's in both directions.
        Assert.AreEqual(580, evaluation.TestPairs);
        foreach (var (direction, metrics) in new[] { ("text→image", evaluation.TextToImage), ("image→text", evaluation.ImageToText) })
        {
            Assert.IsGreaterThanOrEqualTo(2 * evaluation.Random.RecallAt10, metrics.RecallAt10, $"{direction} recall@10");
            Assert.IsLessThan(0.7 * evaluation.Random.MedianRank, metrics.MedianRank, $"{direction} median rank");
        }
    }

    [TestMethod]
    public void A_saved_and_loaded_index_answers_queries_identically()
    {
        using var temp = new TempDirectory();
        var data = SmallDemo.Value;
        using var space = CrossModalSpace.Fit(data, new RetrievalOptions { Components = 16, Method = RetrievalMethod.Cca });
        using var index = SearchIndex.Build(space, data);
        var path = temp.File("demo-space.zip");

        index.Save(path);
        using var loaded = SearchIndex.Load(path);

        var imagePath = data.GetColumnValues("image").First(p => p.Length > 0);
        const string text = "Trying my sourdough, so happy right now #foodie";
        Assert.AreEqual(16, loaded.Space.Components);
        CollectionAssert.AreEqual(index.FindImagesForText(text, 5).ToArray(), loaded.FindImagesForText(text, 5).ToArray());
        CollectionAssert.AreEqual(index.FindTextsForImage(imagePath, 5).ToArray(), loaded.FindTextsForImage(imagePath, 5).ToArray());
    }

    [TestMethod]
    public void Queries_return_post_ids_best_first()
    {
        var data = SmallDemo.Value;
        using var space = CrossModalSpace.Fit(data, new RetrievalOptions { Components = 8, Method = RetrievalMethod.Cca });
        using var index = SearchIndex.Build(space, data);

        var hits = index.FindTextsForImage(data.GetColumnValues("image")[0], 10);

        Assert.HasCount(10, hits);
        Assert.IsTrue(hits.All(h => h.Id.StartsWith('p')), "ids come from the demo's id column");
        CollectionAssert.AreEqual(hits.OrderByDescending(h => h.Score).ToArray(), hits.ToArray());
    }

    [TestMethod]
    public void Hits_carry_the_posts_text_excerpt_and_image_path_after_a_save_and_load()
    {
        using var temp = new TempDirectory();
        var data = SmallDemo.Value;
        using var space = CrossModalSpace.Fit(data, new RetrievalOptions { Components = 8, Method = RetrievalMethod.Cca });
        using var index = SearchIndex.Build(space, data, excerptLength: 30);
        index.Save(temp.File("index.zip"));
        using var loaded = SearchIndex.Load(temp.File("index.zip"));
        var ids = data.GetColumnValues("id");
        var texts = data.GetColumnValues("text");
        var images = data.GetColumnValues("image");

        var hits = loaded.FindImagesForText("Trying my sourdough, so happy right now #foodie", 5);

        foreach (var hit in hits)
        {
            int row = Array.IndexOf(ids.ToArray(), hit.Id);
            Assert.AreEqual(Path.GetFullPath(images[row]), hit.ImagePath, $"post {hit.Id}'s image");
            Assert.IsTrue(File.Exists(hit.ImagePath));
            var expected = texts[row].Length <= 30 ? texts[row] : texts[row][..29].TrimEnd() + "…";
            Assert.AreEqual(expected, hit.Text, $"post {hit.Id}'s excerpt");
        }
    }

    [TestMethod]
    public void The_evaluation_names_cca_the_winner_only_when_it_retrieves_better()
    {
        static RetrievalMetrics Metrics(params double[] ranks) => RetrievalMetrics.FromRanks(ranks, 100);
        var good = Metrics(1, 2, 3, 50);
        var poor = Metrics(1, 40, 60, 80);

        RetrievalEvaluation Evaluation(RetrievalMetrics cca, RetrievalMetrics map) => new(400, 100, 8, [0.5], cca, cca, map, map, RetrievalMetrics.Random(100));

        Assert.AreEqual(RetrievalMethod.Cca, Evaluation(good, poor).Winner);
        Assert.AreEqual(RetrievalMethod.LeastSquares, Evaluation(poor, good).Winner);
        Assert.AreEqual(RetrievalMethod.LeastSquares, Evaluation(good, good).Winner, "a tie keeps the simpler map");
        Assert.AreEqual(RetrievalMethod.PartialLeastSquares, (Evaluation(poor, poor) with { PartialLeastSquaresTextToImage = good, PartialLeastSquaresImageToText = good }).Winner);
        Assert.AreEqual(RetrievalMethod.Cca, (Evaluation(good, poor) with { PartialLeastSquaresTextToImage = good, PartialLeastSquaresImageToText = good }).Winner, "a tie with CCA keeps CCA");
    }

    [TestMethod]
    public void Automatic_method_choice_keeps_cca_or_pls_only_where_it_wins_on_held_back_pairs()
    {
        var random = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        // Images are an exact linear function of 12-d texts: a one-component CCA keeps one shared direction and loses
        // most of the pairing, while the least-squares map recovers it.
        var texts = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(300, 12, (_, _) => Normal());
        var mixing = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(12, 12, (_, _) => Normal());
        var (linear, _, linearReason, _, _) = SharedSpaceFitter.Choose(texts, texts * mixing, new RetrievalOptions { Components = 1 });

        // Texts and images share a 3-d signal, but each image also has 20 loud private dimensions: predicted image
        // features are compared in a space dominated by that noise, while CCA whitens it away and PLS finds the shared
        // directions by their covariance, which the private noise does not share.
        var shared = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(300, 3, (_, _) => Normal());
        var noisyTexts = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(300, 6, (r, c) => c < 3 ? shared[r, c] : 0.1 * Normal());
        var noisyImages = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(300, 23, (r, c) => c < 3 ? shared[r, c] : 10 * Normal());
        var (whitened, _, whitenedReason, _, _) = SharedSpaceFitter.Choose(noisyTexts, noisyImages, new RetrievalOptions { Components = 3 });

        Assert.AreEqual(RetrievalMethod.LeastSquares, linear, linearReason);
        StringAssert.Contains(linearReason, "neither CCA nor PLS beats least squares");
        Assert.AreNotEqual(RetrievalMethod.LeastSquares, whitened, whitenedReason);
        StringAssert.Contains(whitenedReason, $"{RetrievalReport.ShortName(whitened)} wins");
    }

    [TestMethod]
    public void A_space_fitted_automatically_says_which_method_it_uses_and_why()
    {
        using var space = CrossModalSpace.Fit(SmallDemo.Value);

        Assert.AreNotEqual(RetrievalMethod.Auto, space.Method);
        StringAssert.Contains(space.MethodReason, "held-back pairs");
        Assert.AreEqual(space.Method == RetrievalMethod.Cca ? space.Components : 0, space.Correlations.Count);
    }

    [TestMethod]
    public void Fit_without_an_image_column_names_the_columns_and_the_fix()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { RoleOverrides = { ["image"] = ColumnRole.Ignore } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => CrossModalSpace.Fit(data));

        StringAssert.Contains(error.Message, "needs an image column");
        StringAssert.Contains(error.Message, "ColumnRole.Image");
    }

    [TestMethod]
    public void Fit_without_a_text_column_names_the_columns_and_the_fix()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { RoleOverrides = { ["text"] = ColumnRole.Ignore } });

        var error = Assert.ThrowsExactly<ArgumentException>(() => CrossModalSpace.Fit(data));

        StringAssert.Contains(error.Message, "needs a text column");
    }

    [TestMethod]
    public void More_components_than_the_image_side_has_is_an_error_saying_the_limit()
    {
        // The built-in image features are 77 wide (76 statistics + the missing flag).
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CrossModalSpace.Fit(SmallDemo.Value, new RetrievalOptions { Components = 100, Method = RetrievalMethod.Cca }));

        StringAssert.Contains(error.Message, "choose at most 77");
    }

    [TestMethod]
    public void Querying_with_a_missing_image_file_names_the_file()
    {
        var data = SmallDemo.Value;
        using var space = CrossModalSpace.Fit(data, new RetrievalOptions { Components = 8, Method = RetrievalMethod.Cca });
        using var index = SearchIndex.Build(space, data);

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => index.FindTextsForImage("no-such-picture.png", 3));

        StringAssert.Contains(error.Message, "no-such-picture.png");
    }
}
