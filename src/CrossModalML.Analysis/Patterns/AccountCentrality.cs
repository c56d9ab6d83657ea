namespace CrossModalML.Analysis.Patterns;

/// <summary>How central one account is in the interaction graph.</summary>
/// <param name="User">The account (a pseudonym unless raw ids were asked for).</param>
/// <param name="Posts">Posts the account wrote in the data set (0 for accounts that are only named).</param>
/// <param name="MentionsMade">Total weight of edges leaving the account.</param>
/// <param name="TimesMentioned">Total weight of edges reaching the account.</param>
/// <param name="PageRank">Weighted PageRank on the directed graph (sums to 1 over all accounts).</param>
/// <param name="Community">The <see cref="GraphCommunity.Id"/> of its community.</param>
public sealed record AccountCentrality(string User, int Posts, double MentionsMade, double TimesMentioned, double PageRank, int Community)
{
    /// <summary>Weighted degree: mentions made plus times mentioned.</summary>
    public double WeightedDegree => MentionsMade + TimesMentioned;
}
