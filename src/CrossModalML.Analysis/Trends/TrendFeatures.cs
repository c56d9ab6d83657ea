namespace CrossModalML.Analysis.Trends;

/// <summary>The lag and growth features of one topic at one window, which the forecaster learns the next window's count from.</summary>
/// <remarks>
/// <para>Features of topic <c>i</c> at window <c>t</c> read only windows up to <c>t</c>, so they can forecast <c>t + 1</c>.
/// Windows before the table starts count as 0 posts; averages are over the windows that exist (at most the stated
/// length). In order (<see cref="Names"/>):</para>
/// <list type="bullet">
/// <item><description><c>lag_1</c> … <c>lag_K</c>: the count at t, t − 1, … (K = <see cref="TrendOptions.LagCount"/>).</description></item>
/// <item><description><c>mean_short</c>, <c>mean</c>, <c>mean_long</c>: moving averages over the last
/// <see cref="TrendOptions.ShortAverageWindows"/>, <see cref="TrendOptions.MovingAverageWindows"/> and
/// <see cref="TrendOptions.LongAverageWindows"/> windows.</description></item>
/// <item><description><c>growth_1</c> = ln((c_t + 1) / (c_{t−1} + 1)); <c>growth_short</c> = ln((short mean + 1) / (short mean
/// of the block before + 1)); <c>level_vs_long</c> = ln((short mean + 1) / (long mean + 1)).</description></item>
/// <item><description><c>share</c>: the topic's share of all posts at t; <c>share_mean</c>: its share over the
/// moving-average windows.</description></item>
/// <item><description><c>total</c>, <c>total_mean</c>: all posts at t and their moving average.</description></item>
/// <item><description><c>age</c>: windows since the topic was first seen (1 in its first window); <c>since_last</c>:
/// windows since its last post (0 when it has posts at t); <c>mean_since_first</c>: posts per window since first seen.
/// (No all-time maximum: after one burst it would single out that topic, and trees would learn the topic instead of the
/// dynamics.)</description></item>
/// <item><description>When <see cref="TrendOptions.SeasonLength"/> P &gt; 0: <c>seasonal_lag</c> (the count at t + 1 − P,
/// the same hour yesterday or weekday last week), <c>seasonal_mean</c> (the mean at t + 1 − P, t + 1 − 2P, t + 1 − 3P) and
/// <c>phase</c> (the target window's hour of day or day of week, Monday = 0).</description></item>
/// </list>
/// </remarks>
public static class TrendFeatures
{
    /// <summary>The feature names, in the order <see cref="Compute"/> writes them.</summary>
    public static IReadOnlyList<string> Names(TrendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = Enumerable.Range(1, options.LagCount).Select(i => $"lag_{i}").ToList();
        names.AddRange([
            "mean_short", "mean", "mean_long", "growth_1", "growth_short", "level_vs_long", "share", "share_mean",
            "total", "total_mean", "age", "since_last", "mean_since_first",
        ]);
        if (options.SeasonLength > 0)
        {
            names.AddRange(["seasonal_lag", "seasonal_mean", "phase"]);
        }

        return names;
    }

    /// <summary>Writes the features of <paramref name="topic"/> at window <paramref name="window"/> into <paramref name="values"/>.</summary>
    /// <param name="table">The counts.</param>
    /// <param name="topic">Topic index into <see cref="TrendTable.Topics"/>.</param>
    /// <param name="window">The last window the features may read (0-based); the forecast is for the window after it.</param>
    /// <param name="options">Lag count, average lengths and season, as for <see cref="Names"/>.</param>
    /// <param name="values">At least <c>Names(options).Count</c> values.</param>
    /// <exception cref="ArgumentOutOfRangeException">The topic or window is outside the table, or <paramref name="values"/> is too short.</exception>
    public static void Compute(TrendTable table, int topic, int window, TrendOptions options, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(topic);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(topic, table.TopicCount);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(window, table.WindowCount);
        int length = Length(options);
        if (values.Length < length)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, $"{length} feature values are written; the span holds {values.Length}.");
        }

        int t = window;
        int k = 0;
        for (int lag = 0; lag < options.LagCount; lag++)
        {
            values[k++] = table.Count(topic, t - lag);
        }

        double shortMean = Mean(table, topic, t, options.ShortAverageWindows);
        double mean = Mean(table, topic, t, options.MovingAverageWindows);
        double longMean = Mean(table, topic, t, options.LongAverageWindows);
        double previousShort = t - options.ShortAverageWindows >= 0 ? Mean(table, topic, t - options.ShortAverageWindows, options.ShortAverageWindows) : 0;
        values[k++] = (float)shortMean;
        values[k++] = (float)mean;
        values[k++] = (float)longMean;
        values[k++] = (float)Math.Log((table.Count(topic, t) + 1.0) / (table.Count(topic, t - 1) + 1.0));
        values[k++] = (float)Math.Log((shortMean + 1) / (previousShort + 1));
        values[k++] = (float)Math.Log((shortMean + 1) / (longMean + 1));

        int total = table.Total(t);
        values[k++] = total == 0 ? 0 : (float)table.Count(topic, t) / total;
        long topicSum = 0, totalSum = 0;
        for (int w = Math.Max(0, t - options.MovingAverageWindows + 1); w <= t; w++)
        {
            topicSum += table.Count(topic, w);
            totalSum += table.Total(w);
        }

        values[k++] = totalSum == 0 ? 0 : (float)topicSum / totalSum;
        values[k++] = total;
        values[k++] = (float)((double)totalSum / (t - Math.Max(0, t - options.MovingAverageWindows + 1) + 1));

        int first = table.FirstSeen[topic] is var seen && seen >= 0 && seen <= t ? seen : -1;
        int last = -1;
        for (int w = t; first >= 0 && w >= first; w--)
        {
            if (table.Count(topic, w) > 0)
            {
                last = w;
                break;
            }
        }

        long cumulative = table.CountThrough(topic, t);
        int age = first < 0 ? 0 : t - first + 1;
        values[k++] = age;
        values[k++] = last < 0 ? t + 1 : t - last;
        values[k++] = age == 0 ? 0 : (float)((double)cumulative / age);

        int season = options.SeasonLength;
        if (season > 0)
        {
            values[k++] = table.Count(topic, t + 1 - season);
            double seasonalSum = 0;
            int seasonalCount = 0;
            for (int back = 1; back <= 3; back++)
            {
                int w = t + 1 - back * season;
                if (w >= 0)
                {
                    seasonalSum += table.Count(topic, w);
                    seasonalCount++;
                }
            }

            values[k++] = seasonalCount == 0 ? 0 : (float)(seasonalSum / seasonalCount);
            var target = TrendTable.NextWindowStart(table.WindowStarts[t], table.Window);
            values[k++] = table.Window == TrendWindow.Hour ? target.Hour : ((int)target.DayOfWeek + 6) % 7;
        }
    }

    /// <summary>The number of features for these options.</summary>
    public static int Length(TrendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LagCount + 13 + (options.SeasonLength > 0 ? 3 : 0);
    }

    /// <summary>The mean count of a topic over the <paramref name="length"/> windows ending at <paramref name="window"/>
    /// that exist in the table (0 when none do).</summary>
    internal static double Mean(TrendTable table, int topic, int window, int length)
    {
        int from = Math.Max(0, window - length + 1);
        if (window < from)
        {
            return 0;
        }

        long sum = 0;
        for (int w = from; w <= window; w++)
        {
            sum += table.Count(topic, w);
        }

        return (double)sum / (window - from + 1);
    }
}
