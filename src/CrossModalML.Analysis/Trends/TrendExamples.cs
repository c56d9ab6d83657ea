namespace CrossModalML.Analysis.Trends;

/// <summary>Builds feature rows for ranges of target windows.</summary>
internal static class TrendExamples
{
    /// <summary>Whether a topic had been seen by window <paramref name="window"/> (inclusive): only then can any method forecast it.</summary>
    public static bool IsKnown(TrendTable table, int topic, int window) => table.FirstSeen[topic] >= 0 && table.FirstSeen[topic] <= window;

    /// <summary>The label a count is learned as: ln(1 + count). On a log scale one burst does not dominate the squared
    /// loss of tree trainers, and the forecast is closer to the typical count, which lowers absolute error.</summary>
    public static float Encode(double count) => (float)Math.Log(count + 1);

    /// <summary>The count a model score stands for, never negative.</summary>
    public static double Decode(double score) => Math.Max(0, Math.Exp(score) - 1);

    /// <summary>Rows whose target window is in [<paramref name="fromTarget"/>, <paramref name="toTarget"/>): the features at
    /// target − 1 of every topic already seen by then, labelled with the count at the target.</summary>
    public static List<TrendExample> ForTargets(TrendTable table, TrendOptions options, int fromTarget, int toTarget)
    {
        int length = TrendFeatures.Length(options);
        var rows = new List<TrendExample>();
        for (int target = Math.Max(1, fromTarget); target < toTarget; target++)
        {
            for (int topic = 0; topic < table.TopicCount; topic++)
            {
                if (!IsKnown(table, topic, target - 1))
                {
                    continue;
                }

                var features = new float[length];
                TrendFeatures.Compute(table, topic, target - 1, options, features);
                rows.Add(new TrendExample { Features = features, Label = target < table.WindowCount ? Encode(table.Count(topic, target)) : float.NaN });
            }
        }

        return rows;
    }
}
