using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization.Metadata;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Analysis.Trends;

/// <summary>Post counts per topic and time window: the series that trend features, forecasts and back-tests read.</summary>
/// <remarks>
/// <para>Windows are consecutive and gap-free from the window of the earliest post to the window of the latest one;
/// a window without posts has count 0. The last window may be partial when the data ends inside it. Topics are ordered
/// by their number of posts, most first, ties by ordinal name.</para>
/// <para>Immutable and safe to read from several threads.</para>
/// </remarks>
public sealed partial class TrendTable
{
    private const int MaxWindowCount = 100_000;

    private readonly int[][] _counts;
    private readonly long[][] _cumulative;
    private readonly int[] _totals;
    private readonly DateTime[] _starts;
    private readonly Dictionary<string, int> _topicIndex;

    private TrendTable(TrendWindow window, DateTime[] starts, string[] topics, int[][] counts, int[] totals, int postsWithoutTime)
    {
        Window = window;
        _starts = starts;
        Topics = topics;
        _counts = counts;
        _totals = totals;
        PostsWithoutTime = postsWithoutTime;
        _topicIndex = topics.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        FirstSeen = counts.Select(c => Array.FindIndex(c, v => v > 0)).ToArray();
        _cumulative = counts.Select(c =>
        {
            var sums = new long[c.Length];
            long running = 0;
            for (int w = 0; w < c.Length; w++)
            {
                running += c[w];
                sums[w] = running;
            }

            return sums;
        }).ToArray();
        TopicPosts = counts.Select(c => c.Sum()).ToArray();
    }

    /// <summary>The window length.</summary>
    public TrendWindow Window { get; }

    /// <summary>Each window's start (UTC), in time order.</summary>
    public IReadOnlyList<DateTime> WindowStarts => _starts;

    /// <summary>The topics, most posts first.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>Posts per window, every post with a time counted once, with or without a topic.</summary>
    public IReadOnlyList<int> Totals => _totals;

    /// <summary>The number of windows.</summary>
    public int WindowCount => _starts.Length;

    /// <summary>The number of topics.</summary>
    public int TopicCount => Topics.Count;

    /// <summary>Each topic's first window with at least one post (−1 when it has none), by topic index.</summary>
    public IReadOnlyList<int> FirstSeen { get; }

    /// <summary>Each topic's posts over all windows, by topic index.</summary>
    public IReadOnlyList<int> TopicPosts { get; }

    /// <summary>Posts left out because their timestamp was empty.</summary>
    public int PostsWithoutTime { get; }

    /// <summary>A topic's count per window.</summary>
    /// <param name="topic">Topic index into <see cref="Topics"/>.</param>
    public IReadOnlyList<int> Series(int topic) => _counts[topic];

    /// <summary>The index of a topic in <see cref="Topics"/>, or −1 when the table does not have it.</summary>
    public int IndexOf(string topic) => _topicIndex.TryGetValue(topic, out var index) ? index : -1;

    /// <summary>The start (UTC) of the window that contains <paramref name="utc"/>.</summary>
    public static DateTime WindowStart(DateTime utc, TrendWindow window)
    {
        var day = new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);
        return window switch
        {
            TrendWindow.Hour => day.AddHours(utc.Hour),
            TrendWindow.Day => day,
            TrendWindow.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be Hour, Day or Week."),
        };
    }

    /// <summary>The start of the window after the one starting at <paramref name="start"/>.</summary>
    public static DateTime NextWindowStart(DateTime start, TrendWindow window) => window switch
    {
        TrendWindow.Hour => start.AddHours(1),
        TrendWindow.Day => start.AddDays(1),
        TrendWindow.Week => start.AddDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be Hour, Day or Week."),
    };

    /// <summary>Buckets posts by window and topic.</summary>
    /// <param name="data">The posts; they need a timestamp column (see <see cref="TrendOptions.TimestampColumn"/>).</param>
    /// <param name="options">Window, topic source and topic filters; <see langword="null"/> for the defaults.</param>
    /// <param name="clusterIds">One cluster id per row when <see cref="TrendOptions.TopicSource"/> is
    /// <see cref="TrendTopicSource.Cluster"/> (<see langword="null"/> or empty: no topic); must be <see langword="null"/> otherwise.</param>
    /// <exception cref="PostDataException">No usable timestamp column, a timestamp that cannot be read (the message names
    /// the file, line, column and value), no post with a time, or no topic with enough posts.</exception>
    /// <exception cref="ArgumentException">Options that contradict each other, a column that does not exist, or cluster
    /// ids that do not match the rows.</exception>
    public static TrendTable Build(PostDataset data, TrendOptions? options = null, IReadOnlyList<string?>? clusterIds = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrendOptions();
        options.Validate();
        string source = data.SourcePath is null ? "the posts" : $"'{data.SourcePath}'";
        if (options.TopicSource == TrendTopicSource.Cluster)
        {
            if (clusterIds is null)
            {
                throw new ArgumentException("TopicSource is Cluster: pass one cluster id per post (clusterIds).", nameof(clusterIds));
            }

            if (clusterIds.Count != data.RowCount)
            {
                throw new ArgumentException($"{clusterIds.Count} cluster ids were given for {data.RowCount} posts; give exactly one per post, in row order.", nameof(clusterIds));
            }
        }
        else if (clusterIds is not null)
        {
            throw new ArgumentException($"Cluster ids were given but TopicSource is {options.TopicSource}; set TopicSource to Cluster to use them.", nameof(clusterIds));
        }

        string timeColumn = ResolveTimestampColumn(data, options, source);
        var times = data.GetColumnValues(timeColumn);
        var parsed = new DateTime?[data.RowCount];
        int withoutTime = 0;
        for (int row = 0; row < data.RowCount; row++)
        {
            var text = times[row];
            if (string.IsNullOrWhiteSpace(text))
            {
                withoutTime++;
                continue;
            }

            if (!TimeFeatures.TryParse(text, out var utc))
            {
                throw new PostDataException(
                    $"{source}, line {data.LineNumbers[row]} (row {row + 1}): column '{timeColumn}' has '{text}', which is not a time. " +
                    "Use ISO-8601 (2026-03-02T18:30:00Z or 2026-03-02) or Unix seconds, or leave the cell empty to skip the post.");
            }

            parsed[row] = utc;
        }

        if (withoutTime == data.RowCount)
        {
            throw new PostDataException($"{source}: every post's '{timeColumn}' is empty; trend analysis needs post times.");
        }

        var topicsPerRow = TopicsPerRow(data, options, clusterIds);
        var first = WindowStart(parsed.Where(t => t is not null).Min()!.Value, options.Window);
        var last = WindowStart(parsed.Where(t => t is not null).Max()!.Value, options.Window);
        var starts = new List<DateTime>();
        for (var start = first; start <= last; start = NextWindowStart(start, options.Window))
        {
            if (starts.Count == MaxWindowCount)
            {
                throw new PostDataException($"{source}: the posts span more than {MaxWindowCount:N0} {options.Window} windows ({first:u} to {last:u}); use a longer window.");
            }

            starts.Add(start);
        }

        var windowOf = starts.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var totals = new int[starts.Count];
        var byTopic = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int row = 0; row < data.RowCount; row++)
        {
            if (parsed[row] is not { } utc)
            {
                continue;
            }

            int window = windowOf[WindowStart(utc, options.Window)];
            totals[window]++;
            foreach (var topic in topicsPerRow[row])
            {
                if (!byTopic.TryGetValue(topic, out var series))
                {
                    byTopic[topic] = series = new int[starts.Count];
                }

                series[window]++;
            }
        }

        var kept = byTopic
            .Select(p => (Topic: p.Key, Series: p.Value, Posts: p.Value.Sum()))
            .Where(p => p.Posts >= options.MinimumTopicPosts)
            .OrderByDescending(p => p.Posts).ThenBy(p => p.Topic, StringComparer.Ordinal)
            .Take(options.MaxTopics)
            .ToList();
        if (kept.Count == 0)
        {
            throw new PostDataException(
                $"{source}: no {Describe(options)} has at least {options.MinimumTopicPosts} posts with a time ({byTopic.Count} topics seen). " +
                "Lower MinimumTopicPosts or group by another topic source.");
        }

        return new TrendTable(options.Window, [.. starts], kept.Select(k => k.Topic).ToArray(), kept.Select(k => k.Series).ToArray(), totals, withoutTime);
    }

    /// <summary>Makes a table from counts that are already bucketed (for example from another system), keeping every topic given.</summary>
    /// <param name="window">The window length.</param>
    /// <param name="firstWindowStart">The first window's start (UTC); it is moved to its window's start.</param>
    /// <param name="counts">Each topic's count per window; every series as long as <paramref name="totals"/>.</param>
    /// <param name="totals">All posts per window; each at least every topic's count in that window.</param>
    /// <exception cref="ArgumentException">No topics, no windows, series of the wrong length, or negative counts.</exception>
    public static TrendTable FromCounts(TrendWindow window, DateTime firstWindowStart, IReadOnlyDictionary<string, IReadOnlyList<int>> counts, IReadOnlyList<int> totals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(totals);
        if (counts.Count == 0 || totals.Count == 0)
        {
            throw new ArgumentException("A trend table needs at least one topic and one window.", nameof(counts));
        }

        if (totals.Any(t => t < 0))
        {
            throw new ArgumentException("Window totals cannot be negative.", nameof(totals));
        }

        foreach (var (topic, series) in counts)
        {
            if (series.Count != totals.Count)
            {
                throw new ArgumentException($"Topic '{topic}' has {series.Count} windows; the totals have {totals.Count}.", nameof(counts));
            }

            for (int w = 0; w < series.Count; w++)
            {
                if (series[w] < 0 || series[w] > totals[w])
                {
                    throw new ArgumentException($"Topic '{topic}' has {series[w]} posts in window {w + 1}, outside 0 to that window's total ({totals[w]}).", nameof(counts));
                }
            }
        }

        var starts = new DateTime[totals.Count];
        starts[0] = WindowStart(DateTime.SpecifyKind(firstWindowStart, DateTimeKind.Utc), window);
        for (int w = 1; w < starts.Length; w++)
        {
            starts[w] = NextWindowStart(starts[w - 1], window);
        }

        var ordered = counts.OrderByDescending(p => p.Value.Sum()).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        return new TrendTable(window, starts, ordered.Select(p => p.Key).ToArray(), ordered.Select(p => p.Value.ToArray()).ToArray(), [.. totals], 0);
    }

    /// <summary>The table as it was known at the end of its first <paramref name="windowCount"/> windows: what an analysis
    /// on that day would have seen. Topics keep their order and indices, including ones not yet seen.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowCount"/> is not between 1 and <see cref="WindowCount"/>.</exception>
    public TrendTable Truncate(int windowCount)
    {
        if (windowCount < 1 || windowCount > WindowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(windowCount), windowCount, $"Keep between 1 and {WindowCount} windows.");
        }

        return new TrendTable(Window, _starts[..windowCount], [.. Topics], _counts.Select(c => c[..windowCount]).ToArray(), _totals[..windowCount], PostsWithoutTime);
    }

    internal int Count(int topic, int window) => window < 0 ? 0 : _counts[topic][window];

    /// <summary>A topic's posts in windows 0 to <paramref name="window"/> (0 before the table).</summary>
    internal long CountThrough(int topic, int window) => window < 0 ? 0 : _cumulative[topic][window];

    internal int Total(int window) => window < 0 ? 0 : _totals[window];

    private static string ResolveTimestampColumn(PostDataset data, TrendOptions options, string source)
    {
        if (options.TimestampColumn is { } named)
        {
            if (!data.Columns.Any(c => c.Name == named))
            {
                throw new ArgumentException($"{source} has no column '{named}'. Its columns are: {string.Join(", ", data.Columns.Select(c => $"'{c.Name}'"))}.", nameof(options));
            }

            return named;
        }

        var candidates = data.Columns.Where(c => c.Role == ColumnRole.Timestamp).Select(c => c.Name).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new PostDataException(
                $"{source} has no timestamp column (columns: {string.Join(", ", data.Columns.Select(c => $"'{c.Name}' {c.Role}"))}). " +
                "Trend analysis needs one: name it 'timestamp' (or time, date, created_at) or set TrendOptions.TimestampColumn."),
            _ => throw new PostDataException(
                $"{source} has {candidates.Count} timestamp columns ({string.Join(", ", candidates.Select(c => $"'{c}'"))}); choose one with TrendOptions.TimestampColumn."),
        };
    }

    private static List<string>[] TopicsPerRow(PostDataset data, TrendOptions options, IReadOnlyList<string?>? clusterIds)
    {
        var result = new List<string>[data.RowCount];
        switch (options.TopicSource)
        {
            case TrendTopicSource.Column:
                var values = data.GetColumnValues(options.TopicColumn!);
                for (int row = 0; row < data.RowCount; row++)
                {
                    var value = values[row].Trim();
                    result[row] = value.Length == 0 ? [] : [value];
                }

                break;
            case TrendTopicSource.Cluster:
                for (int row = 0; row < data.RowCount; row++)
                {
                    var value = clusterIds![row]?.Trim();
                    result[row] = string.IsNullOrEmpty(value) ? [] : [value];
                }

                break;
            default:
                var columns = options.TextColumns ?? data.Columns.Where(c => c.Role == ColumnRole.Text).Select(c => c.Name).ToList();
                if (columns.Count == 0)
                {
                    throw new PostDataException(
                        $"{(data.SourcePath is null ? "The posts have" : $"'{data.SourcePath}' has")} no text column to read hashtags from; " +
                        "set TrendOptions.TextColumns, or group by a column (TrendOptions.TopicSource = TrendTopicSource.Column with TrendOptions.TopicColumn).");
                }

                var texts = columns.Select(data.GetColumnValues).ToList();
                for (int row = 0; row < data.RowCount; row++)
                {
                    var tags = new List<string>();
                    foreach (var column in texts)
                    {
                        foreach (var tag in Hashtags(column[row]))
                        {
                            if (!tags.Contains(tag))
                            {
                                tags.Add(tag);
                            }
                        }
                    }

                    result[row] = tags;
                }

                break;
        }

        return result;
    }

    /// <summary>The hashtags of a text (<see cref="SocialTokens"/>), in lower case with their <c>#</c>, in order of
    /// appearance (repeats included).</summary>
    internal static IEnumerable<string> Hashtags(string text) =>
        SocialTokens.Hashtags(text).Select(tag => tag.ToLower(CultureInfo.InvariantCulture));

    private static string Describe(TrendOptions options) => options.TopicSource switch
    {
        TrendTopicSource.Column => $"value of '{options.TopicColumn}'",
        TrendTopicSource.Cluster => "cluster",
        _ => "hashtag",
    };
}
