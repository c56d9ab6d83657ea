using CrossModalML.Analysis.Embedding;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class PostEmbedderTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
    {
        var all = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });
        return all.Select(Enumerable.Range(0, 600).ToArray());
    });

    [TestMethod]
    public void Embeds_every_post_with_one_standardised_block_per_modality()
    {
        var embeddings = PostEmbedder.Embed(new MLContext(seed: 1), Demo.Value, new PostEmbeddingOptions { TextDimensions = 12, ImageDimensions = 8 });

        Assert.AreEqual(600, embeddings.Vectors.Count);
        CollectionAssert.AreEqual(new[] { Modality.Text, Modality.Image, Modality.Metadata }, embeddings.Blocks.Select(b => b.Modality).ToArray());
        Assert.AreEqual(12, embeddings.Blocks[0].Length);
        Assert.AreEqual(8, embeddings.Blocks[1].Length);
        Assert.IsTrue(embeddings.Blocks[0].SourceWidth > 200, "the text block is reduced from the wide TF-IDF vector");
        Assert.IsTrue(embeddings.Vectors.All(v => v.Length == embeddings.Dimensions && v.All(float.IsFinite)));

        // Balanced blocks: each modality's mean squared length is about 1.
        foreach (var block in embeddings.Blocks)
        {
            double meanSquare = embeddings.Vectors.Average(v => v.Skip(block.Offset).Take(block.Length).Sum(x => (double)x * x));
            Assert.AreEqual(1.0, meanSquare, 0.05, $"{block.Modality} block");
        }
    }

    [TestMethod]
    public void Text_embedding_keeps_the_demo_topics_apart()
    {
        var options = new PostEmbeddingOptions();
        options.Featurizer.Modalities = Modality.Text;
        var embeddings = PostEmbedder.Embed(new MLContext(seed: 1), Demo.Value, options);
        var topics = Demo.Value.GetColumnValues("topic");

        var names = topics.Distinct().ToList();
        var centres = names.Select(t => embeddings.Mean(Enumerable.Range(0, topics.Count).Where(i => topics[i] == t))).ToList();
        int nearestIsOwn = Enumerable.Range(0, topics.Count).Count(i =>
            names[Enumerable.Range(0, names.Count).MinBy(k => Distance(embeddings.Vectors[i], centres[k]))] == topics[i]);

        // The demo's text always names its topic, so 24 components of it must keep topics apart: each post should be
        // nearest its own topic's centre far more often than the largest topic's share (0.26); the full TF-IDF vector reaches 0.99.
        double accuracy = nearestIsOwn / (double)topics.Count;
        Assert.IsTrue(accuracy > 0.7, $"nearest-topic-centre accuracy {accuracy:0.000}");
    }

    private static double Distance(float[] a, float[] b) => a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum();

    [TestMethod]
    public void Asking_for_a_modality_the_data_lacks_names_the_columns()
    {
        var textOnly = Demo.Value;
        var options = new PostEmbeddingOptions();
        options.Featurizer.Modalities = Modality.None;

        var error = Assert.ThrowsExactly<ArgumentException>(() => PostEmbedder.Embed(new MLContext(seed: 1), textOnly, options));
        StringAssert.Contains(error.Message, "text (Text)");
    }
}
