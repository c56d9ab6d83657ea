namespace CrossModalML.Analysis.Retrieval;

/// <summary>How well one direction of cross-modal retrieval finds each query's true partner among the candidates.</summary>
/// <remarks>A query's rank is 1 plus the number of candidates scored above its true partner, plus half the other
/// candidates tied with it (the expected rank under a random tie-break), so ties neither help nor hurt.</remarks>
/// <param name="Queries">How many queries were ranked.</param>
/// <param name="Candidates">How many candidates each query ranked (its true partner among them).</param>
/// <param name="RecallAt1">Share of queries whose partner ranks first.</param>
/// <param name="RecallAt5">Share of queries whose partner ranks in the top 5.</param>
/// <param name="RecallAt10">Share of queries whose partner ranks in the top 10.</param>
/// <param name="MedianRank">The median rank of the partners (1 is perfect).</param>
/// <param name="MeanReciprocalRank">The mean of 1 / rank.</param>
public sealed record RetrievalMetrics(int Queries, int Candidates, double RecallAt1, double RecallAt5, double RecallAt10, double MedianRank, double MeanReciprocalRank)
{
    /// <summary>The expected metrics of ranking <paramref name="candidates"/> candidates in random order: recall@K =
    /// K / N, median rank (N + 1) / 2, mean reciprocal rank H(N) / N.</summary>
    /// <param name="candidates">N, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="candidates"/> is below 1.</exception>
    public static RetrievalMetrics Random(int candidates)
    {
        if (candidates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), candidates, "At least one candidate is needed.");
        }

        double harmonic = Enumerable.Range(1, candidates).Sum(r => 1.0 / r);
        return new RetrievalMetrics(
            candidates,
            candidates,
            Math.Min(1, 1.0 / candidates),
            Math.Min(1, 5.0 / candidates),
            Math.Min(1, 10.0 / candidates),
            (candidates + 1) / 2.0,
            harmonic / candidates);
    }

    /// <summary>Summarises the ranks of the true partners.</summary>
    /// <param name="ranks">One rank per query, each in [1, <paramref name="candidates"/>].</param>
    /// <param name="candidates">How many candidates each query ranked.</param>
    /// <exception cref="ArgumentException">No ranks, or a rank outside [1, candidates].</exception>
    public static RetrievalMetrics FromRanks(IReadOnlyList<double> ranks, int candidates)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0)
        {
            throw new ArgumentException("No ranks to summarise; evaluate at least one query.", nameof(ranks));
        }

        if (ranks.Any(r => !(r >= 1 && r <= candidates)))
        {
            throw new ArgumentException($"Every rank must lie in [1, {candidates}].", nameof(ranks));
        }

        var sorted = ranks.Order().ToArray();
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        double Recall(int k) => (double)sorted.Count(r => r <= k) / n;
        return new RetrievalMetrics(n, candidates, Recall(1), Recall(5), Recall(10), median, sorted.Average(r => 1 / r)) { Ranks = sorted };
    }

    /// <summary>The true partners' ranks, in increasing order; empty for <see cref="Random"/> baselines.</summary>
    public IReadOnlyList<double> Ranks { get; init; } = [];

    /// <summary>Share of queries whose partner ranks in the top <paramref name="k"/>: counted from <see cref="Ranks"/>,
    /// or the random expectation min(1, K / N) when there are no ranks.</summary>
    /// <param name="k">K, at least 1.</param>
    public double RecallAt(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return Ranks.Count == 0 ? Math.Min(1, (double)k / Candidates) : (double)Ranks.Count(r => r <= k) / Ranks.Count;
    }
}
