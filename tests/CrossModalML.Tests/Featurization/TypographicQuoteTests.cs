using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class TypographicQuoteTests
{
    [TestMethod]
    public void Typographic_quotes_and_apostrophes_split_words_like_ascii_quotes()
    {
        using var temp = new TempDirectory();
        var model = RepositoryPaths.SharedOrInconclusive("models", "glove6b-100d-mean", "glove6b-100d-mean-int8.onnx");
        string[] texts = ["\"happy\" sunshine", "“happy” sunshine", "«happy» sunshine", "‘happy’ sunshine", "„happy‚ sunshine", "happy’sunshine"];
        var schema = TextPosts.Schema;
        var data = TextPosts.Create(texts, temp.Path);
        var options = new FeaturizerOptions
        {
            Modalities = Modality.Text,
            Text = { UseSocialSignals = false, WordVectors = WordVectorModelOptions.FromModel(model) },
        };

        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), schema, options);
        var group = pipeline.Groups.Single(g => g.Name.StartsWith("word vectors", StringComparison.Ordinal));
        var fitted = pipeline.Estimator.Fit(data.DataView);
        var vectors = fitted.Transform(data.DataView).GetColumn<VBuffer<float>>(group.OutputColumn).Select(v => v.DenseValues().ToArray()).ToList();
        (fitted as IDisposable)?.Dispose();

        Assert.IsTrue(vectors[0].Any(v => v != 0));
        for (var i = 1; i < texts.Length; i++)
        {
            CollectionAssert.AreEqual(vectors[0], vectors[i], $"'{texts[i]}' must give the words of '{texts[0]}'");
        }
    }
}
