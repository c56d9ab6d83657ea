using System.Text.Json;
using CrossModalML.AutoML;
using CrossModalML.Cli.Commands.Train;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.AutoML;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>A search that sampled rows says, on the console and in the report, how many rows each trial's score stands on;
/// a search on every row shows and writes nothing more than before.</summary>
[TestClass]
[DoNotParallelize]
public sealed class SampledLeaderboardTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    [TestMethod]
    public void A_sampled_search_shows_and_reports_each_trials_rows()
    {
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 9, TrialTimeLimit = TimeSpan.FromSeconds(30) }, Seed = 1 };
        var halving = new SuccessiveHalving(options, _ => FakeTrialRunner.Bowl());
        var result = halving.Run(Demo.Value, [100, 300, 900], SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), AutoMLMetric.MacroF1, null, CancellationToken.None, null);

        var text = PlainConsole.Capture(() => LeaderboardView.Write(result, 5));
        var header = text.Split('\n').First(l => l.Contains("trainer", StringComparison.Ordinal));
        StringAssert.Contains(header, "rows");
        var rows = result.Leaderboard[0].SampleRows!.Value;
        Assert.AreEqual(result.Trials.Max(t => t.SampleRows), rows, "the leaderboard opens with the largest sample's trials");
        var firstRow = text.Split('\n').SkipWhile(l => !l.StartsWith('─')).Skip(1).First();
        StringAssert.Contains(firstRow, $"   {rows}   ");

        var json = JsonSerializer.Serialize(LeaderboardEntry.From(result.Leaderboard[0]), ManifestJson.Options);
        StringAssert.Contains(json.Replace(" ", string.Empty, StringComparison.Ordinal), $"\"sampleRows\":{rows}");
    }

    [TestMethod]
    public void A_search_on_every_row_has_no_rows_column_or_key()
    {
        var trial = new TrialResult
        {
            Number = 1,
            Point = new SearchPoint(TrainerNames.SdcaMaximumEntropy, new Dictionary<string, double>()),
            Configuration = new TrialConfiguration(new TrainerSpec(TrainerNames.SdcaMaximumEntropy, new Dictionary<string, double>()), new FeaturizerChoice(1, false, 0, ImageFeaturizerKind.BuiltIn)),
            Metric = AutoMLMetric.MacroF1,
            Score = 0.7,
            Loss = -0.7,
            Status = TrialStatus.Completed,
        };
        var search = new SearchResult { Metric = AutoMLMetric.MacroF1, Trials = [trial], Leaderboard = [trial], StopReason = SearchStopReason.MaxTrials, Elapsed = TimeSpan.FromSeconds(1) };

        var header = PlainConsole.Capture(() => LeaderboardView.Write(search, 5)).Split('\n').First(l => l.Contains("trainer", StringComparison.Ordinal));
        Assert.IsFalse(header.Contains("rows", StringComparison.Ordinal), header);
        Assert.IsFalse(JsonSerializer.Serialize(LeaderboardEntry.From(trial), ManifestJson.Options).Contains("sampleRows", StringComparison.Ordinal));
    }
}
