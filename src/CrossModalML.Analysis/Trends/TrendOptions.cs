using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.Analysis.Trends;

/// <summary>How <see cref="TrendAnalyzer"/> buckets posts, builds lag features, forecasts, back-tests and flags
/// emerging topics. Every default is stated on its property.</summary>
/// <remarks>
/// <para><b>Emerging rule.</b> At the latest window <c>t</c> of the table, a topic's <i>baseline</i> b is its mean count over
/// the <see cref="BaselineWindows"/> windows before <c>t</c> (windows before the table starts are not counted), and its
/// <i>level</i> x is the larger of its observed count at <c>t</c> and the model's forecast for <c>t + 1</c>. The
/// emerging score is <c>(x − b) / √(b + 1)</c>, a Poisson-style z-score that is large only when the jump is large
/// compared with the noise a count of that size has. A topic is emerging when the score is at least
/// <see cref="EmergingScoreThreshold"/>, x is at least <see cref="EmergingMinimumCount"/> and x is at least
/// <see cref="EmergingMinimumRatio"/> × b. Emerging topics are ranked by score, highest first.</para>
/// <para>An instance is read when an analysis starts; changing it later does not affect a result already made.</para>
/// </remarks>
public sealed class TrendOptions
{
    /// <summary>The trainer used when none is named: FastTree boosted trees with ML.NET's defaults (100 trees, 20 leaves).
    /// On the demo set's daily hashtag counts it back-tested as well as LightGBM at a quarter of the CPU time.</summary>
    public static TrainerSpec DefaultTrainer { get; } = new(TrainerNames.FastTree);

    /// <summary>The bucket length. Default <see cref="TrendWindow.Day"/>.</summary>
    public TrendWindow Window { get; set; } = TrendWindow.Day;

    /// <summary>What a topic is. Default <see cref="TrendTopicSource.Hashtag"/>.</summary>
    public TrendTopicSource TopicSource { get; set; } = TrendTopicSource.Hashtag;

    /// <summary>The column whose value is the topic when <see cref="TopicSource"/> is <see cref="TrendTopicSource.Column"/>
    /// (any column, ignored ones included). Must be <see langword="null"/> (the default) otherwise.</summary>
    public string? TopicColumn { get; set; }

    /// <summary>The columns hashtags are read from when <see cref="TopicSource"/> is <see cref="TrendTopicSource.Hashtag"/>.
    /// <see langword="null"/> (the default) reads every column with the <see cref="Data.ColumnRole.Text"/> role.</summary>
    public IReadOnlyList<string>? TextColumns { get; set; }

    /// <summary>The timestamp column (ISO-8601 or Unix seconds). <see langword="null"/> (the default) takes the data set's
    /// only <see cref="Data.ColumnRole.Timestamp"/> column and fails when there is none or more than one.</summary>
    public string? TimestampColumn { get; set; }

    /// <summary>Topics with fewer posts than this in the whole table are left out (their posts still count in the window
    /// totals). Default 3.</summary>
    public int MinimumTopicPosts { get; set; } = 3;

    /// <summary>At most this many topics are kept, the ones with the most posts (ties broken by name). Default 500.</summary>
    public int MaxTopics { get; set; } = 500;

    /// <summary>How many past windows become lag features (the count at t, t − 1, …). Default 7.</summary>
    public int LagCount { get; set; } = 7;

    /// <summary>Length of the short moving-average feature. Default 3.</summary>
    public int ShortAverageWindows { get; set; } = 3;

    /// <summary>Length of the moving average used as a feature and as the moving-average naive forecast. Default 7.</summary>
    public int MovingAverageWindows { get; set; } = 7;

    /// <summary>Length of the long moving-average feature (the topic's slow level). Default 28.</summary>
    public int LongAverageWindows { get; set; } = 28;

    /// <summary>The regression trainer used when no search budget is given. <see langword="null"/> (the default) is
    /// <see cref="DefaultTrainer"/>.</summary>
    public TrainerSpec? Trainer { get; set; }

    /// <summary>Wall time for an AutoML search over regression trainers (see <see cref="AutoML.AutoMLExperiment"/>). When set
    /// (or <see cref="MaxTrials"/> is), the search picks the trainer on the windows before the first back-test origin,
    /// validating on three consecutive blocks in the last quarter of them, so it never sees the back-test windows. Default <see langword="null"/>: no
    /// search, use <see cref="Trainer"/>.</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>Maximum number of AutoML trials; <see langword="null"/> (the default) for no trial limit.</summary>
    public int? MaxTrials { get; set; }

    /// <summary>Rolling-origin back-test length: the model is refit and scored at each of the last this-many windows
    /// (fewer when the table is short: at most windows − <see cref="MinimumTrainingWindows"/>). 0 turns the back-test off.
    /// Default 28.</summary>
    public int BackTestWindows { get; set; } = 28;

    /// <summary>The fewest windows a fit may learn from: the table needs at least this many plus one, and the first
    /// back-test origin comes no earlier. Default 8.</summary>
    public int MinimumTrainingWindows { get; set; } = 8;

    /// <summary>Windows averaged into a topic's baseline for the emerging rule. Default 7.</summary>
    public int BaselineWindows { get; set; } = 7;

    /// <summary>Least emerging score that flags a topic. Default 3.</summary>
    public double EmergingScoreThreshold { get; set; } = 3;

    /// <summary>Least level (posts in a window) that flags a topic, so that 0 → 2 is not news. Default 5.</summary>
    public double EmergingMinimumCount { get; set; } = 5;

    /// <summary>Least ratio of level to baseline that flags a topic. Default 2.</summary>
    public double EmergingMinimumRatio { get; set; } = 2;

    /// <summary>Seed of every fit and of the search. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The seasonal period in windows that the seasonal features and the seasonal naive forecast use: 24 for
    /// hours (a day), 7 for days (a week), none (0) for weeks.</summary>
    public int SeasonLength => Window switch
    {
        TrendWindow.Hour => 24,
        TrendWindow.Day => 7,
        _ => 0,
    };

    internal void Validate()
    {
        if (!Enum.IsDefined(Window))
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be Hour, Day or Week.");
        }

        if (TopicSource == TrendTopicSource.Column && string.IsNullOrWhiteSpace(TopicColumn))
        {
            throw new ArgumentException("TopicSource is Column but TopicColumn is not set; name the column that holds each post's topic in TrendOptions.TopicColumn.", nameof(TopicColumn));
        }

        if (TopicSource != TrendTopicSource.Column && TopicColumn is not null)
        {
            throw new ArgumentException($"TopicColumn '{TopicColumn}' is set but TopicSource is {TopicSource}; set TopicSource to Column to group by that column.", nameof(TopicColumn));
        }

        Positive(MinimumTopicPosts, nameof(MinimumTopicPosts), 3);
        Positive(MaxTopics, nameof(MaxTopics), 500);
        Positive(LagCount, nameof(LagCount), 7);
        Positive(ShortAverageWindows, nameof(ShortAverageWindows), 3);
        Positive(MovingAverageWindows, nameof(MovingAverageWindows), 7);
        Positive(LongAverageWindows, nameof(LongAverageWindows), 28);
        Positive(MinimumTrainingWindows, nameof(MinimumTrainingWindows), 8);
        Positive(BaselineWindows, nameof(BaselineWindows), 7);
        if (MinimumTrainingWindows < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumTrainingWindows), MinimumTrainingWindows, "A fit needs at least 2 windows (one of features, one of targets); the default is 8.");
        }

        if (BackTestWindows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BackTestWindows), BackTestWindows, "The back-test length cannot be negative; use 0 to turn it off (default 28).");
        }

        if (!(EmergingScoreThreshold >= 0) || !(EmergingMinimumCount >= 0) || !(EmergingMinimumRatio >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(EmergingScoreThreshold), "The emerging thresholds must be non-negative numbers (defaults: score 3, count 5, ratio 2).");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "The search budget must be positive, e.g. 30 seconds.");
        }

        if (MaxTrials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTrials), MaxTrials, "The maximum number of trials must be at least 1.");
        }
    }

    private static void Positive(int value, string name, int defaultValue)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1; the default is {defaultValue}.");
        }
    }
}
