using System.IO.Compression;
using System.Text.Json.Nodes;
using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

/// <summary>Retrieval with the shipped encoders (MiniLM texts, ResNet18 images) on a few demo posts; the test run's
/// encoder cache is a temporary folder (see <see cref="EncoderCacheSetup"/>).</summary>
[TestClass]
public sealed class PretrainedRetrievalTests
{
    // 60 posts: 40 to fit on and 20 to query, few enough for ResNet18 on two cores.
    private static readonly Lazy<PostDataset> Posts = new(() => PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions()).Select(Enumerable.Range(0, 60).ToArray()));

    [TestMethod]
    public void Encoder_features_find_the_paired_image_among_the_top_five_more_often_than_random()
    {
        var train = Posts.Value.Select(Enumerable.Range(0, 40).ToArray());
        var test = Posts.Value.Select(Enumerable.Range(40, 20).ToArray());

        var evaluation = RetrievalEvaluator.Evaluate(train, test, RetrievalOptions.WithPretrainedEncoders());

        // Random puts a post's own image among the top 5 of 20 for a quarter of the queries.
        var best = evaluation.Methods.Max(m => m.TextToImage.RecallAt5);
        Assert.AreEqual(20, evaluation.TestPairs);
        Assert.AreEqual(0.25, evaluation.Random.RecallAt5, 1e-12);
        Assert.IsGreaterThan(evaluation.Random.RecallAt5, best, $"best text → image recall@5 of {string.Join(", ", evaluation.Methods.Select(m => $"{m.Method} {m.TextToImage.RecallAt5}"))}");
        Assert.IsNotNull(evaluation.Chosen);
    }

    [TestMethod]
    public void A_saved_index_records_the_encoders_and_a_file_naming_another_network_is_refused()
    {
        using var temp = new TempDirectory();
        var posts = Posts.Value.Select(Enumerable.Range(0, 40).ToArray());
        using var space = CrossModalSpace.Fit(posts, RetrievalOptions.WithPretrainedEncoders());
        using var index = SearchIndex.Build(space, posts);
        var path = temp.File("index.zip");
        index.Save(path);

        using (var loaded = SearchIndex.Load(path))
        {
            CollectionAssert.AreEqual(new[] { "MiniLM", "ResNet18" }, loaded.Space.Encoders.Select(e => e.Name).ToArray());
            const string query = "Checking out the band, more pics soon";
            CollectionAssert.AreEqual(index.FindImagesForText(query, 5).ToArray(), loaded.FindImagesForText(query, 5).ToArray());
        }

        // The same file, but naming a MiniLM network other than the one this library ships.
        var tampered = temp.File("other-encoder.zip");
        File.Copy(path, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("retrieval/space.json")!;
            JsonNode manifest;
            using (var reader = entry.Open())
            {
                manifest = JsonNode.Parse(reader)!;
            }

            manifest["textEncoders"]![0]!["sha256"] = new string('0', 64);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("retrieval/space.json").Open());
            writer.Write(manifest.ToJsonString());
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SearchIndex.Load(tampered));

        StringAssert.Contains(error.Message, "MiniLM");
        StringAssert.Contains(error.Message, "embed queries with the encoder its index was built with");
    }
}
