namespace CrossModalML.Analysis.Patterns;

/// <summary>A community of the interaction graph: accounts that name each other more than their degrees predict.</summary>
/// <param name="Id">0-based, largest community first.</param>
/// <param name="Members">The accounts, most central (PageRank) first.</param>
/// <param name="InternalWeight">Total weight of edges between members.</param>
/// <param name="TotalWeight">Total weight of edges touching a member (inside or leaving the community).</param>
public sealed record GraphCommunity(int Id, IReadOnlyList<string> Members, double InternalWeight, double TotalWeight)
{
    /// <summary>The number of members.</summary>
    public int Size => Members.Count;
}
