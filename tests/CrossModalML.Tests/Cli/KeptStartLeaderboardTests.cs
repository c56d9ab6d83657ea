using CrossModalML.AutoML;
using CrossModalML.Cli.Rendering;
using CrossModalML.Tests.AutoML;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
public sealed class KeptStartLeaderboardTests
{
    [TestMethod]
    public void A_kept_start_on_top_of_a_higher_scoring_trial_is_explained_under_the_table()
    {
        var noisy = StartKeeperTests.Search(
            StartKeeperTests.Trial(1, 0.72, [0.72, 0.72, 0.72, 0.72, 0.72], start: true), StartKeeperTests.Trial(9, 0.80, [0.72, 0.72, 0.72, 0.72, 1.12]));
        var kept = StartKeeper.Apply(noisy, 2, []);

        string text = PlainConsole.Capture(() => LeaderboardView.Write(kept, 5));
        string plain = PlainConsole.Capture(() => LeaderboardView.Write(noisy, 5));

        StringAssert.Contains(text.Replace("\n", " ", StringComparison.Ordinal).Replace("   ", " ", StringComparison.Ordinal), "Trial 1 is first although trial 9 scored higher");
        Assert.IsFalse(plain.Contains("is first although", StringComparison.Ordinal), "a leaderboard in score order needs no note");
    }
}
