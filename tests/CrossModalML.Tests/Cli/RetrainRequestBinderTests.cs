using CrossModalML.AutoML;
using CrossModalML.Cli.Commands.Retrain;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.Cli;

/// <summary>The retrain binder on its own: the files named here do not exist, so a request that binds proves the
/// checks ran before any file was read.</summary>
[TestClass]
public sealed class RetrainRequestBinderTests
{
    private static RetrainRequest Bind(params string[] flags)
    {
        var retrainFlags = new RetrainFlags();
        var parsed = RetrainCommand.Create(retrainFlags).Parse(["--model", "/no/such/old.zip", "--dataset", "/no/such/posts.tsv", "--output", "new.zip", .. flags]);
        Assert.AreEqual(0, parsed.Errors.Count, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return new RetrainRequestBinder(retrainFlags).Bind(parsed);
    }

    [TestMethod]
    public void Without_search_flags_the_model_is_refitted_with_the_documented_defaults()
    {
        var request = Bind();

        Assert.AreEqual(Path.GetFullPath("/no/such/old.zip"), request.Model.FullName);
        Assert.AreEqual(0.2, request.Options.TestFraction);
        Assert.IsNull(request.Options.Seed, "the model's own seed");
        Assert.IsNull(request.Options.Search);
        Assert.IsNull(request.Options.OldDataPath);
        Assert.IsFalse(request.Options.KeepBetter);
        Assert.IsNull(request.Options.EncoderCache);
        Assert.IsNull(request.Report);
    }

    [TestMethod]
    public void Search_flags_become_the_search_options_without_a_progress_adapter_yet()
    {
        var search = Bind("--search", "--time", "30", "--max-trials", "4", "--trial-time", "10", "--metric", "accuracy", "--tuner", "random").Options.Search!;

        Assert.AreEqual(
            new SearchBudget { Time = TimeSpan.FromSeconds(30), MaxTrials = 4, TrialTimeLimit = TimeSpan.FromSeconds(10), Metric = AutoMLMetric.Accuracy, Tuner = TunerKind.Random },
            search.Budget);
        Assert.IsNull(search.TrialProgress, "the handler attaches the console's adapter when it runs");
    }

    [TestMethod]
    [DataRow("--test-fraction 0", "--test-fraction must be between 0 and 1 (exclusive), e.g. 0.2; got 0.")]
    [DataRow("--search --time -5", "--time must be positive, got -5.")]
    [DataRow("--search --trial-time 0", "--trial-time must be positive, got 0.")]
    [DataRow("--search --max-trials 0", "--max-trials must be at least 1, got 0.")]
    [DataRow("--max-trials 3", "--time, --max-trials and --metric set up a search; add --search to re-run it, or drop them to refit the model's own trainer.")]
    [DataRow("--metric accuracy", "--time, --max-trials and --metric set up a search; add --search to re-run it, or drop them to refit the model's own trainer.")]
    public void A_bad_or_stray_flag_fails_naming_it(string flags, string message)
    {
        Assert.AreEqual(message, Assert.ThrowsExactly<ArgumentException>(() => Bind(flags.Split(' '))).Message);
    }
}
