namespace CrossModalML.Analysis.Patterns;

/// <summary>A term (word or hashtag) with its weight in a topic or cluster.</summary>
/// <param name="Term">The term, lower-case; hashtags keep their <c>#</c>.</param>
/// <param name="Weight">For topics, the term's share of the weight of the topic's listed terms; for clusters, how strongly the term marks the
/// cluster (its share there times the log of its lift over the whole data set).</param>
/// <param name="Count">For clusters, how many of the cluster's posts hold the term; for topics, the (rounded) LDA score of the term in the topic.</param>
public sealed record WeightedTerm(string Term, double Weight, int Count);
