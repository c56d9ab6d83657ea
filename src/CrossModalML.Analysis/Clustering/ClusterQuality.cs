namespace CrossModalML.Analysis.Clustering;

/// <summary>Internal and external measures of a clustering.</summary>
internal static class ClusterQuality
{
    /// <summary>Mean silhouette over the given points (Euclidean), −1 to 1. Points in singleton clusters score 0.</summary>
    /// <param name="points">The points.</param>
    /// <param name="assignments">Each point's cluster, 0-based.</param>
    public static double Silhouette(IReadOnlyList<float[]> points, IReadOnlyList<int> assignments)
    {
        CheckSameLength(points, assignments);
        int k = assignments.Count == 0 ? 0 : assignments.Max() + 1;
        var sizes = new int[k];
        foreach (var a in assignments)
        {
            sizes[a]++;
        }

        double total = 0;
        var sums = new double[k];
        for (int i = 0; i < points.Count; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < points.Count; j++)
            {
                if (i != j)
                {
                    sums[assignments[j]] += Math.Sqrt(SquaredDistance(points[i], points[j]));
                }
            }

            int own = assignments[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            double a = sums[own] / (sizes[own] - 1);
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            if (double.IsFinite(b))
            {
                double spread = Math.Max(a, b);
                total += spread == 0 ? 0 : (b - a) / spread;
            }
        }

        return points.Count == 0 ? 0 : total / points.Count;
    }

    /// <summary>The Davies–Bouldin index (lower is better; 0 for perfectly tight, separated clusters).</summary>
    public static double DaviesBouldin(IReadOnlyList<float[]> points, IReadOnlyList<int> assignments, IReadOnlyList<float[]> centroids)
    {
        CheckSameLength(points, assignments);
        ArgumentNullException.ThrowIfNull(centroids);
        int k = centroids.Count;
        var spread = new double[k];
        var counts = new int[k];
        for (int i = 0; i < points.Count; i++)
        {
            spread[assignments[i]] += Math.Sqrt(SquaredDistance(points[i], centroids[assignments[i]]));
            counts[assignments[i]]++;
        }

        for (int c = 0; c < k; c++)
        {
            spread[c] = counts[c] == 0 ? 0 : spread[c] / counts[c];
        }

        double sum = 0;
        int used = 0;
        for (int c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            double worst = 0;
            for (int d = 0; d < k; d++)
            {
                if (d != c && counts[d] > 0)
                {
                    double separation = Math.Sqrt(SquaredDistance(centroids[c], centroids[d]));
                    worst = Math.Max(worst, separation == 0 ? double.PositiveInfinity : (spread[c] + spread[d]) / separation);
                }
            }

            sum += worst;
            used++;
        }

        return used == 0 ? 0 : sum / used;
    }

    /// <summary>
    /// The adjusted Rand index between two labelings of the same items: 1 for identical partitions (up to renaming),
    /// about 0 for chance agreement.
    /// </summary>
    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> first, IReadOnlyList<TB> second)
        where TA : notnull
        where TB : notnull
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"The labelings have {first.Count} and {second.Count} items; they must label the same items.");
        }

        var table = new Dictionary<(TA, TB), long>();
        var rows = new Dictionary<TA, long>();
        var columns = new Dictionary<TB, long>();
        for (int i = 0; i < first.Count; i++)
        {
            table[(first[i], second[i])] = table.GetValueOrDefault((first[i], second[i])) + 1;
            rows[first[i]] = rows.GetValueOrDefault(first[i]) + 1;
            columns[second[i]] = columns.GetValueOrDefault(second[i]) + 1;
        }

        static double Pairs(long n) => n * (n - 1) / 2.0;
        double index = table.Values.Sum(Pairs);
        double rowPairs = rows.Values.Sum(Pairs);
        double columnPairs = columns.Values.Sum(Pairs);
        double all = Pairs(first.Count);
        if (all == 0)
        {
            return 1;
        }

        double expected = rowPairs * columnPairs / all;
        double maximum = (rowPairs + columnPairs) / 2;
        return maximum == expected ? 1 : (index - expected) / (maximum - expected);
    }

    internal static double SquaredDistance(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    private static void CheckSameLength(IReadOnlyList<float[]> points, IReadOnlyList<int> assignments)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(assignments);
        if (points.Count != assignments.Count)
        {
            throw new ArgumentException($"There are {points.Count} points but {assignments.Count} assignments.");
        }
    }
}
