using CrossModalML.AutoML;
using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.Analysis.Trends;

/// <summary>What <see cref="TrendAnalyzer"/> found: the bucketed counts, the trainer, the back-test, the next window's
/// forecasts and the emerging topics. Immutable.</summary>
public sealed class TrendAnalysis
{
    /// <summary>The counts per topic and window.</summary>
    public required TrendTable Table { get; init; }

    /// <summary>The regression trainer used for the back-test and the final forecast.</summary>
    public required TrainerSpec Trainer { get; init; }

    /// <summary>The AutoML search that chose <see cref="Trainer"/>, or <see langword="null"/> when no budget was given.</summary>
    public SearchResult? Search { get; init; }

    /// <summary>The rolling-origin back-test, or <see langword="null"/> when it was turned off (<see cref="TrendOptions.BackTestWindows"/> = 0)
    /// or the table was too short for one origin.</summary>
    public TrendBackTest? BackTest { get; init; }

    /// <summary>The forecaster fitted on every window, which made <see cref="TopicTrend.Forecast"/>.</summary>
    public required TrendForecaster Forecaster { get; init; }

    /// <summary>The start of the window the forecasts are for, the one after the table's last (UTC).</summary>
    public required DateTime NextWindowStart { get; init; }

    /// <summary>The thresholds <see cref="TopicTrend.IsEmerging"/> and <see cref="History"/> were judged with.</summary>
    public required EmergingRule Rule { get; init; }

    /// <summary>Every topic, in the table's order (most posts first).</summary>
    public required IReadOnlyList<TopicTrend> Topics { get; init; }

    /// <summary>Every topic that met the emerging rule at some window of the table on observed counts (without forecasts), from
    /// window <see cref="TrendOptions.BaselineWindows"/> on (the first with a full baseline),
    /// highest score first: what an analyst watching each window would have been told.</summary>
    public required IReadOnlyList<EmergenceEvent> History { get; init; }

    /// <summary>The topics that meet the emerging rule, highest score first.</summary>
    public IReadOnlyList<TopicTrend> Emerging => Topics.Where(t => t.IsEmerging).OrderByDescending(t => t.Score).ThenBy(t => t.Topic, StringComparer.Ordinal).ToList();

    /// <summary>Every topic ranked by emerging score, highest first, flagged or not.</summary>
    public IReadOnlyList<TopicTrend> RankedByScore => Topics.OrderByDescending(t => t.Score).ThenBy(t => t.Topic, StringComparer.Ordinal).ToList();
}
