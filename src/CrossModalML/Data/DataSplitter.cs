namespace CrossModalML.Data;

/// <summary>Stratified train/test splits over row indices, deterministic for a seed.</summary>
/// <remarks>
/// <para>Rows are grouped into strata, each stratum is shuffled with <c>new Random(seed)</c> (strata in a fixed order),
/// and rows are dealt to the sides from each stratum, so every class keeps its share on both sides. Class labels are
/// strata as they are. Labels that are all numbers with more than 10 distinct values are regression targets: they are
/// stratified by quantile bins (up to 10 bins of at least 10 rows each), so both sides cover the whole range.
/// Empty labels form a stratum of their own.</para>
/// <para>Thread-safe: nothing is shared between calls, and the result depends only on the arguments.</para>
/// </remarks>
internal static class DataSplitter
{
    private const int MaxQuantileBins = 10;
    private const int MinRowsPerBin = 10;

    /// <summary>Splits rows into a training part and a test part, keeping class proportions.</summary>
    /// <param name="labels">Each row's label, for example <see cref="PostDataset.GetLabels"/>.</param>
    /// <param name="testFraction">The share of rows for the test part, greater than 0 and less than 1.</param>
    /// <param name="seed">The seed; the same arguments always give the same split.</param>
    /// <returns>Ascending row indices per side. A class with at least two rows has at least one row on each side and its
    /// test count is its size times <paramref name="testFraction"/>, rounded; a class with a single row goes to training.</returns>
    public static DataSplit StratifiedHoldOut(IReadOnlyList<string> labels, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"The test fraction must be between 0 and 1 (exclusive), such as 0.2; it was {testFraction}.");
        }

        RequireRows(labels, 2);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var stratum in ShuffledStrata(labels, new Random(seed)))
        {
            var testCount = stratum.Count < 2
                ? 0
                : Math.Clamp((int)Math.Round(stratum.Count * testFraction, MidpointRounding.AwayFromZero), 1, stratum.Count - 1);
            test.AddRange(stratum.Take(testCount));
            train.AddRange(stratum.Skip(testCount));
        }

        train.Sort();
        test.Sort();
        return new DataSplit(train, test);
    }

    /// <summary>Splits rows into <paramref name="k"/> folds, keeping class proportions in every fold.</summary>
    /// <param name="labels">Each row's label, for example <see cref="PostDataset.GetLabels"/>.</param>
    /// <param name="k">The number of folds, at least 2 and at most the number of rows.</param>
    /// <param name="seed">The seed; the same arguments always give the same folds.</param>
    /// <returns><paramref name="k"/> splits; every row is in exactly one split's test part and in the training part of
    /// all others. Fold sizes differ by at most one row.</returns>
    public static IReadOnlyList<DataSplit> KFold(IReadOnlyList<string> labels, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Cross-validation needs at least 2 folds; k was {k}.");
        }

        RequireRows(labels, k);
        var folds = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();

        // Dealing continues across strata instead of restarting at fold 0, which keeps fold sizes within one row.
        var next = 0;
        foreach (var stratum in ShuffledStrata(labels, new Random(seed)))
        {
            foreach (var row in stratum)
            {
                folds[next % k].Add(row);
                next++;
            }
        }

        var splits = new DataSplit[k];
        for (var f = 0; f < k; f++)
        {
            var test = folds[f].Order().ToArray();
            var train = folds.Where((_, other) => other != f).SelectMany(fold => fold).Order().ToArray();
            splits[f] = new DataSplit(train, test);
        }

        return splits;
    }

    /// <summary>Splits rows into a training part and a test part so that no group (a user, an image, an event) has rows
    /// on both sides: a model is then tested on groups it has never seen.</summary>
    /// <param name="groups">Each row's group value; an empty value makes the row a group of its own.</param>
    /// <param name="testFraction">The share of rows aimed at for the test part, greater than 0 and less than 1. Whole
    /// groups move, so the actual share is the closest one reachable.</param>
    /// <param name="seed">The seed; the same arguments always give the same split.</param>
    /// <returns>Ascending row indices per side, both non-empty.</returns>
    /// <exception cref="ArgumentException">There are fewer than two groups.</exception>
    public static DataSplit GroupedHoldOut(IReadOnlyList<string> groups, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"The test fraction must be between 0 and 1 (exclusive), such as 0.2; it was {testFraction}.");
        }

        var members = ShuffledGroups(groups, 2, seed);
        double target = groups.Count * testFraction;
        var test = new List<int>();
        foreach (var group in members)
        {
            // Take a group while doing so brings the test size closer to the target; always keep one group for training.
            bool closer = Math.Abs(test.Count + group.Count - target) < Math.Abs(test.Count - target) || test.Count == 0;
            if (closer && test.Count + group.Count < groups.Count)
            {
                test.AddRange(group);
            }
        }

        var testSet = test.ToHashSet();
        return new DataSplit(Enumerable.Range(0, groups.Count).Where(r => !testSet.Contains(r)).ToArray(), test.Order().ToArray());
    }

    /// <summary>Holds out the latest rows: the test part is the last <paramref name="testFraction"/> of the rows in time
    /// order, so a model is judged on posts written after every post it learnt from. Posts with the same time stay on one
    /// side: the cut moves to the nearest change of time.</summary>
    /// <param name="times">Each row's time (any increasing number, such as ticks).</param>
    /// <param name="testFraction">The share of rows in the test part, greater than 0 and less than 1.</param>
    /// <returns>Ascending row indices per side, both non-empty.</returns>
    /// <exception cref="ArgumentException">There are fewer than two rows, or every row has the same time.</exception>
    public static DataSplit TimeOrderedHoldOut(IReadOnlyList<long> times, double testFraction)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"The test fraction must be between 0 and 1 (exclusive), such as 0.2; it was {testFraction}.");
        }

        if (times.Count < 2)
        {
            throw new ArgumentException($"A time-ordered hold-out needs at least 2 rows; there are {times.Count}.", nameof(times));
        }

        var order = TimeOrder(times);
        int test = Math.Clamp((int)Math.Round(times.Count * testFraction), 1, times.Count - 1);
        int cut = NearestTimeChange(order, times, times.Count - test);
        return new DataSplit(order[..cut].Order().ToArray(), order[cut..].Order().ToArray());
    }

    /// <summary>Forward-chaining folds: the rows in time order are cut into <paramref name="k"/> + 1 equal blocks, and fold
    /// i trains on blocks 1 to i and tests on block i + 1, so every fold tests on posts later than all its training posts.
    /// Posts with the same time stay in one block: each cut moves to the nearest change of time.</summary>
    /// <param name="times">Each row's time (any increasing number, such as ticks).</param>
    /// <param name="k">The number of folds, at least 2; there must be at least k + 1 rows.</param>
    /// <returns><paramref name="k"/> splits with growing training parts; the first block is never tested.</returns>
    /// <exception cref="ArgumentException">There are fewer than k + 1 rows, or fewer than k + 1 distinct times.</exception>
    public static IReadOnlyList<DataSplit> TimeOrderedFolds(IReadOnlyList<long> times, int k)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        if (times.Count < k + 1)
        {
            throw new ArgumentException($"Time-ordered cross-validation with {k} folds needs at least {k + 1} rows; there are {times.Count}.", nameof(times));
        }

        var order = TimeOrder(times);
        var boundaries = new int[k + 2];
        boundaries[k + 1] = order.Length;
        for (int block = 1; block <= k; block++)
        {
            boundaries[block] = NearestTimeChange(order, times, (int)((long)order.Length * block / (k + 1)));
            if (boundaries[block] <= boundaries[block - 1])
            {
                throw new ArgumentException(
                    $"Time-ordered cross-validation with {k} folds cuts the rows into {k + 1} blocks of distinct times, but posts sharing a time stay in one block and the {times.Count} rows " +
                    $"have only {times.Distinct().Count()} distinct time(s) spread too unevenly for that; use fewer folds.", nameof(times));
            }
        }

        int Boundary(int block) => boundaries[block];
        var splits = new List<DataSplit>(k);
        for (int fold = 1; fold <= k; fold++)
        {
            splits.Add(new DataSplit(
                order[..Boundary(fold)].Order().ToArray(),
                order[Boundary(fold)..Boundary(fold + 1)].Order().ToArray()));
        }

        return splits;
    }

    /// <summary>The cut (an index into <paramref name="order"/>, between 1 and its length − 1) nearest to <paramref name="cut"/>
    /// where the time changes, so no two posts with the same time fall on different sides; ties go to the later cut.</summary>
    /// <exception cref="ArgumentException">Every row has the same time, so no cut separates any.</exception>
    private static int NearestTimeChange(int[] order, IReadOnlyList<long> times, int cut)
    {
        bool ChangesAt(int c) => times[order[c - 1]] != times[order[c]];
        for (int distance = 0; distance < order.Length; distance++)
        {
            foreach (int candidate in new[] { cut + distance, cut - distance })
            {
                if (candidate >= 1 && candidate <= order.Length - 1 && ChangesAt(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException($"All {order.Length} rows have the same time, so a time-ordered split cannot put any post after another.", nameof(times));
    }

    private static int[] TimeOrder(IReadOnlyList<long> times) =>
        Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ThenBy(i => i).ToArray();

    /// <summary>Splits rows into <paramref name="k"/> folds so that every group's rows fall in one fold. With
    /// <paramref name="k"/> equal to the number of groups this is leave-one-group-out (e.g. leave-one-event-out).</summary>
    /// <param name="groups">Each row's group value; an empty value makes the row a group of its own.</param>
    /// <param name="k">The number of folds, at least 2 and at most the number of groups.</param>
    /// <param name="seed">The seed; the same arguments always give the same folds.</param>
    /// <returns><paramref name="k"/> splits; every row is in exactly one split's test part. Groups are dealt largest first
    /// to the fold with the fewest rows, which keeps fold sizes as even as whole groups allow.</returns>
    /// <exception cref="ArgumentException">There are fewer groups than folds.</exception>
    public static IReadOnlyList<DataSplit> GroupedKFold(IReadOnlyList<string> groups, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Cross-validation needs at least 2 folds; k was {k}.");
        }

        var members = ShuffledGroups(groups, k, seed);
        var folds = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        foreach (var group in members.OrderByDescending(g => g.Count))
        {
            folds.MinBy(f => f.Count)!.AddRange(group);
        }

        return Enumerable.Range(0, k).Select(f => new DataSplit(
            folds.Where((_, other) => other != f).SelectMany(fold => fold).Order().ToArray(),
            folds[f].Order().ToArray())).ToArray();
    }

    /// <summary>How many groups the rows form for <see cref="GroupedKFold"/> and <see cref="GroupedHoldOut"/>: one per
    /// distinct non-empty value (trimmed, case-sensitive), and one per row with an empty value.</summary>
    /// <param name="groups">Each row's group value.</param>
    public static int GroupCount(IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var values = new HashSet<string>(StringComparer.Ordinal);
        int alone = 0;
        foreach (var group in groups)
        {
            var value = group?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                alone++;
            }
            else
            {
                values.Add(value);
            }
        }

        return values.Count + alone;
    }

    /// <summary>Rows by group in a seeded random order of groups; rows with an empty group value stand alone.</summary>
    private static List<List<int>> ShuffledGroups(IReadOnlyList<string> groups, int minimumGroups, int seed)
    {
        var byValue = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        for (var row = 0; row < groups.Count; row++)
        {
            var value = groups[row]?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                members.Add([row]);
            }
            else if (byValue.TryGetValue(value, out var rows))
            {
                rows.Add(row);
            }
            else
            {
                byValue.Add(value, [row]);
            }
        }

        members.InsertRange(0, byValue.Values);
        if (members.Count < minimumGroups)
        {
            throw new ArgumentException(
                $"A grouped split into {minimumGroups} parts needs at least {minimumGroups} groups, but the rows form {members.Count}.", nameof(groups));
        }

        var random = new Random(seed);
        for (var i = members.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (members[i], members[j]) = (members[j], members[i]);
        }

        return members;
    }

    private static void RequireRows(IReadOnlyList<string> labels, int minimum)
    {
        if (labels.Count < minimum)
        {
            throw new ArgumentException($"Splitting needs at least {minimum} rows, but there are {labels.Count}.", nameof(labels));
        }
    }

    private static List<List<int>> ShuffledStrata(IReadOnlyList<string> labels, Random random)
    {
        var strata = Strata(labels);
        foreach (var stratum in strata)
        {
            for (var i = stratum.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (stratum[i], stratum[j]) = (stratum[j], stratum[i]);
            }
        }

        return strata;
    }

    /// <summary>Row indices grouped by class, or by quantile bin for regression targets, in a fixed order.</summary>
    private static List<List<int>> Strata(IReadOnlyList<string> labels)
    {
        var empty = new List<int>();
        var numbers = new List<(double Value, int Row)>();
        var byClass = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var allNumbers = true;
        for (var row = 0; row < labels.Count; row++)
        {
            var label = labels[row]?.Trim() ?? string.Empty;
            if (label.Length == 0)
            {
                empty.Add(row);
                continue;
            }

            if (!byClass.TryGetValue(label, out var members))
            {
                members = [];
                byClass.Add(label, members);
            }

            members.Add(row);
            if (allNumbers && CellValues.TryParseNumber(label, out var value))
            {
                numbers.Add((value, row));
            }
            else
            {
                allNumbers = false;
            }
        }

        var strata = allNumbers && byClass.Count > TaskResolver.MaxNumericClasses
            ? QuantileBins(numbers)
            : byClass.Values.ToList();
        if (empty.Count > 0)
        {
            strata.Add(empty);
        }

        return strata;
    }

    private static List<List<int>> QuantileBins(List<(double Value, int Row)> numbers)
    {
        numbers.Sort((a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Row.CompareTo(b.Row));
        var binCount = Math.Clamp(numbers.Count / MinRowsPerBin, 1, MaxQuantileBins);
        var bins = new List<List<int>>(binCount);
        for (var b = 0; b < binCount; b++)
        {
            var start = (int)((long)b * numbers.Count / binCount);
            var end = (int)((long)(b + 1) * numbers.Count / binCount);
            bins.Add(numbers.GetRange(start, end - start).Select(entry => entry.Row).ToList());
        }

        return bins;
    }
}
