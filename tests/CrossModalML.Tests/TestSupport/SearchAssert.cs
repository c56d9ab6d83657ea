using CrossModalML.AutoML;

namespace CrossModalML.Tests.TestSupport;

internal static class SearchAssert
{
    /// <summary>The same trials in the same order: configuration, status, score and every fold's score.</summary>
    public static void SameTrials(SearchResult expected, SearchResult actual)
    {
        Assert.HasCount(expected.Trials.Count, actual.Trials);
        for (int i = 0; i < expected.Trials.Count; i++)
        {
            var (e, a) = (expected.Trials[i], actual.Trials[i]);
            Assert.AreEqual(e.Configuration.ToString(), a.Configuration.ToString(), $"trial {i + 1}");
            Assert.AreEqual(e.Status, a.Status, $"trial {i + 1}");
            Assert.AreEqual(e.Score, a.Score, $"trial {i + 1}");
            CollectionAssert.AreEqual(e.FoldScores.ToList(), a.FoldScores.ToList(), $"trial {i + 1}");
        }

        CollectionAssert.AreEqual(expected.Leaderboard.Select(t => t.Number).ToList(), actual.Leaderboard.Select(t => t.Number).ToList());
    }
}
