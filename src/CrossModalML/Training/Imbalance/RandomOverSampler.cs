namespace CrossModalML.Training.Imbalance;

/// <summary>Random over-sampling: repeats randomly drawn rows of the smaller classes until every class has as many rows as the largest.</summary>
/// <remarks>
/// <para>Apply it to training rows only. Over-sampled validation or test rows would count the same post several times and
/// inflate the rare class's scores; CrossModalML's trainer therefore over-samples each fit's training rows and never
/// the rows a model is evaluated on.</para>
/// <para>Deterministic for a seed; pure and thread-safe.</para>
/// </remarks>
public static class RandomOverSampler
{
    /// <summary>Returns <paramref name="rows"/> with extra copies of minority-class rows, in ascending row order.</summary>
    /// <param name="labels">The label of every row of the data set (indexed by row).</param>
    /// <param name="rows">The training rows to balance (indices into <paramref name="labels"/>).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <returns>Every row of <paramref name="rows"/> once, plus, for every class smaller than the largest, rows of that
    /// class drawn with replacement until it is as large. Only indices from <paramref name="rows"/> appear.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row index is outside <paramref name="labels"/>.</exception>
    public static int[] Resample(IReadOnlyList<string> labels, IReadOnlyList<int> rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        var byClass = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row < 0 || row >= labels.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row index {row} is outside the {labels.Count} labelled rows.");
            }

            if (!byClass.TryGetValue(labels[row], out var members))
            {
                byClass[labels[row]] = members = [];
            }

            members.Add(row);
        }

        var result = new List<int>(rows);
        if (byClass.Count < 2)
        {
            result.Sort();
            return result.ToArray();
        }

        int target = byClass.Values.Max(m => m.Count);
        var random = new Random(seed);
        foreach (var members in byClass.Values)
        {
            for (int extra = members.Count; extra < target; extra++)
            {
                result.Add(members[random.Next(members.Count)]);
            }
        }

        result.Sort();
        return result.ToArray();
    }
}
