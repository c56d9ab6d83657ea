namespace CrossModalML.Analysis.Patterns;

/// <summary>A directed edge of the interaction graph: <paramref name="From"/> named <paramref name="To"/> in <paramref name="Weight"/> posts.</summary>
/// <param name="From">The account that wrote the naming text (the post's author, or the retweeted author for the text it wrote).</param>
/// <param name="To">The account named.</param>
/// <param name="Weight">How many posts named it (mentions and retweets together).</param>
/// <param name="Retweets">How many of those were retweets of <paramref name="To"/>.</param>
public sealed record MentionEdge(string From, string To, int Weight, int Retweets);
