using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis;

/// <summary>Fitting a retrieval space with a pretrained encoder counts the inputs it encodes.</summary>
[TestClass]
[DoNotParallelize]
public sealed class RetrievalProgressTests
{
    [TestMethod]
    public void Fitting_a_space_with_MiniLM_reports_counts_of_its_texts_up_to_the_total()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions()).Select(Enumerable.Range(0, 60).ToArray());
        var reports = new List<FeaturizationProgress>();
        var options = new RetrievalOptions
        {
            Components = 4,
            Method = RetrievalMethod.Cca,
            Text = new TextFeaturizerOptions { UseSocialSignals = false, SentenceEncoder = SentenceEncoderKind.MiniLM },
            FeaturizationProgress = new Sink(reports),
        };

        using var space = CrossModalSpace.Fit(data, options);

        var text = reports.Where(r => r.Stage == "MiniLM").ToList();
        Assert.IsTrue(text.Count >= 2, string.Join(", ", reports));
        Assert.AreEqual(0, text[0].Done);
        Assert.IsTrue(text.Zip(text.Skip(1)).All(p => p.Second.Done >= p.First.Done && p.Second.Total == p.First.Total), string.Join(", ", text));
        Assert.IsTrue(text[^1].IsComplete && text[^1].Total is > 40 and <= 60, string.Join(", ", text));
    }

    private sealed class Sink(List<FeaturizationProgress> reports) : IProgress<FeaturizationProgress>
    {
        public void Report(FeaturizationProgress value) => reports.Add(value);
    }
}
