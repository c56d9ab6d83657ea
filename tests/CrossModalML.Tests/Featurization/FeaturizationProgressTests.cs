using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.Featurization;

/// <summary>The pretrained encoders' counts reach the front door's progress: monotone within a pass, ending at the pass's total,
/// with the disk cache's hits counted.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FeaturizationProgressTests
{
    [TestMethod]
    public void A_fit_with_both_encoders_reports_monotone_counts_that_end_at_the_total_and_a_second_fit_counts_cache_hits()
    {
        using var temp = new TempDirectory();
        var demo = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var rows = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(20).Select(l => l.Split('\t'))
            .Select(c => $"{c[0]}\t{c[1]}\t{Path.Combine(demo, c[2])}\t{c[7]}");
        var posts = temp.File("posts.tsv");
        File.WriteAllLines(posts, ["id\ttext\timage\tsentiment", .. rows]);
        var catalog = new MLContext(seed: 1).CrossModal();
        var data = catalog.LoadPosts(posts, "sentiment");
        var options = new TrainingOptions
        {
            Evaluation = new EvaluationOptions { Strategy = EvaluationStrategy.None },
            Featurizer = new FeaturizerOptions
            {
                Text = new TextFeaturizerOptions { SentenceEncoder = SentenceEncoderKind.MiniLM },
                Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.ResNet18 },
                EncoderCache = new EncoderCacheOptions { Directory = temp.File("cache") },
            },
        };

        var cold = Fit(catalog, data, options);
        var warm = Fit(catalog, data, options);

        foreach (var encoder in new[] { "MiniLM", "ResNet18" })
        {
            var pass = cold.Where(p => p.Stage == encoder).ToList();
            Assert.IsTrue(pass.Count >= 2, $"{encoder}: a start and an end report");
            Assert.AreEqual(0, pass[0].Done, $"{encoder} starts at 0");
            Assert.AreEqual(20, pass[0].Total, $"{encoder}: 20 distinct inputs");
            for (int i = 1; i < pass.Count; i++)
            {
                Assert.IsTrue(pass[i].Done >= pass[i - 1].Done && pass[i].Total == pass[0].Total, $"{encoder}: {string.Join(", ", pass)}");
            }

            Assert.IsTrue(pass[^1].IsComplete && pass.Take(pass.Count - 1).All(p => !p.IsComplete), $"{encoder}: only the last report completes the pass");
        }

        var text = warm.Last(p => p.Stage == "MiniLM");
        Assert.AreEqual((20, 20), (text.Done, text.CacheHits), "the second fit reads every text's encoding from the cache");
        Assert.AreEqual(0, cold.Last(p => p.Stage == "MiniLM").CacheHits, "the first fit finds an empty cache");
    }

    [TestMethod]
    public void Reading_featurized_rows_into_memory_counts_them_up_to_the_row_count()
    {
        var mlContext = new MLContext(seed: 1);
        var view = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 1000).Select(i => new VectorRow { Features = [i, 1] }));
        var reports = new List<FeaturizationProgress>();

        var matrix = FeatureMatrix.Read(view, nameof(VectorRow.Features), 1000, progress: new Sink(reports));

        Assert.AreEqual(1000, matrix.Rows.Length);
        Assert.IsTrue(reports.All(r => r.Stage == FeaturizationProgress.Rows && r.Total == 1000), string.Join(", ", reports));
        Assert.IsTrue(reports.Zip(reports.Skip(1)).All(p => p.Second.Done >= p.First.Done), string.Join(", ", reports));
        Assert.AreEqual((0, 1000), (reports[0].Done, reports[^1].Done));
        Assert.AreEqual(1, reports.Count(r => r.IsComplete));
    }

    private static List<FeaturizationProgress> Fit(CrossModalCatalog catalog, CrossModalML.Data.PostDataset data, TrainingOptions options)
    {
        var reports = new Recorder();
        catalog.Fit(data, options, reports);
        Assert.IsTrue(reports.Reports.All(r => r.Items is null || (r.Stage == CrossModalProgress.Fit && r.Message.StartsWith(r.Items.Stage, StringComparison.Ordinal))));
        return reports.Reports.Where(r => r.Items is not null).Select(r => r.Items!).ToList();
    }

    private sealed class VectorRow
    {
        [Microsoft.ML.Data.VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Sink(List<FeaturizationProgress> reports) : IProgress<FeaturizationProgress>
    {
        public void Report(FeaturizationProgress value) => reports.Add(value);
    }

    private sealed class Recorder : IProgress<CrossModalProgress>
    {
        public List<CrossModalProgress> Reports { get; } = [];

        public void Report(CrossModalProgress value) => Reports.Add(value);
    }
}
