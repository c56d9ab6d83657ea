namespace CrossModalML.Analysis.Patterns;

/// <summary>A topic found by latent Dirichlet allocation over the posts' words.</summary>
/// <param name="Id">0-based topic number.</param>
/// <param name="Terms">The topic's most probable words, most probable first.</param>
/// <param name="PostCount">Posts whose largest topic share is this topic.</param>
/// <param name="MeanShare">The topic's mean share of a post's words, over posts with words.</param>
public sealed record TextTopic(int Id, IReadOnlyList<WeightedTerm> Terms, int PostCount, double MeanShare)
{
    /// <summary>The top terms joined by commas, for tables.</summary>
    public string Label(int count = 6) => string.Join(", ", Terms.Take(count).Select(t => t.Term));
}
