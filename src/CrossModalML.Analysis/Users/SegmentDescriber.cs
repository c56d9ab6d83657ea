using System.Globalization;

namespace CrossModalML.Analysis.Users;

/// <summary>Summarises a segment's posts and writes the one-line description, naming only traits that stand out.</summary>
internal sealed class SegmentDescriber
{
    // A category or label value is named when its share in the segment is at least this many points above the
    // overall share and at least this many times it.
    private const double MinShareGain = 0.10;
    private const double MinLift = 1.25;
    private const double MinHashtagShare = 0.05;
    private const double HashtagLift = 1.3;
    private const double MinConcentration = 0.25;
    private const double EngagementTolerance = 0.05;
    private const int DescribedHashtags = 3;
    private const int DescribedEngagementColumns = 1;

    private readonly UserPostColumns _columns;
    private readonly TermIndex _terms;
    private readonly UserBehaviourOptions _options;
    private readonly IReadOnlyList<ValueShare> _allHashtags;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> _allCategories;
    private readonly IReadOnlyList<ValueShare> _allLabels;
    private readonly IReadOnlyDictionary<string, EngagementSummary> _allEngagement;

    public SegmentDescriber(UserPostColumns columns, TermIndex terms, IReadOnlyList<int> allRows, UserBehaviourOptions options)
    {
        _columns = columns;
        _terms = terms;
        _options = options;
        _allHashtags = columns.HashtagShares(allRows);
        _allCategories = columns.CategoryShares(allRows);
        _allLabels = columns.LabelShares(allRows);
        _allEngagement = columns.Engagement(allRows);
    }

    public UserSegment Describe(int number, int userCount, IReadOnlyList<int> rows)
    {
        var overallTag = _allHashtags.ToDictionary(s => s.Value, s => s.Share, StringComparer.Ordinal);
        var hashtags = _columns.HashtagShares(rows)
            .Where(s => s.Share >= MinHashtagShare && s.Share >= HashtagLift * overallTag.GetValueOrDefault(s.Value))
            .OrderByDescending(s => s.Share - overallTag.GetValueOrDefault(s.Value)).ThenBy(s => s.Value, StringComparer.Ordinal)
            .Take(_options.TopHashtags).ToArray();
        var categories = _columns.CategoryShares(rows);
        var labels = _columns.LabelShares(rows);
        var rhythm = _columns.Rhythm(rows);
        var engagement = _columns.Engagement(rows);

        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{userCount:N0} user{(userCount == 1 ? "" : "s")}") };
        foreach (var (column, shares) in categories)
        {
            if (Standout(shares, _allCategories[column]) is { } value)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{column} {value.Value} ({value.Share:P0})"));
            }
        }

        if (hashtags.Length > 0)
        {
            parts.Add(string.Join(' ', hashtags.Take(DescribedHashtags).Select(h => h.Value)));
        }

        if (rhythm.TimedPosts > 0)
        {
            parts.Add(rhythm.MeanHour is { } hour && rhythm.Concentration >= MinConcentration
                ? $"posts around {ActivityRhythm.FormatHour(hour)}"
                : "posts at all hours");
            double weekend = rhythm.WeekendShare;
            parts.Add(weekend >= 0.5
                ? string.Create(CultureInfo.InvariantCulture, $"mostly at weekends ({weekend:P0})")
                : weekend >= 0.4 ? string.Create(CultureInfo.InvariantCulture, $"often at weekends ({weekend:P0})") : "mostly weekdays");
        }

        foreach (var (column, summary) in engagement.Take(DescribedEngagementColumns))
        {
            double overall = _allEngagement[column].Mean;
            if (!double.IsFinite(summary.Mean) || !double.IsFinite(overall) || overall == 0)
            {
                continue;
            }

            double change = (summary.Mean / overall) - 1;
            parts.Add(Math.Abs(change) < EngagementTolerance
                ? $"{column} average"
                : string.Create(CultureInfo.InvariantCulture, $"{column} {(change > 0 ? "above" : "below")} average ({change:+0 %;−0 %})"));
        }

        if (Standout(labels, _allLabels) is { } label)
        {
            var overall = _allLabels.First(s => s.Value == label.Value).Share;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_columns.LabelColumn} {label.Value} {label.Share:P0} (all {overall:P0})"));
        }

        return new UserSegment(
            number,
            userCount,
            rows.Count,
            string.Join(" · ", parts),
            hashtags,
            categories,
            labels,
            _terms.Top(rows, _options.TopTerms),
            rhythm,
            engagement);
    }

    private static ValueShare? Standout(IReadOnlyList<ValueShare> segment, IReadOnlyList<ValueShare> overall)
    {
        var baseline = overall.ToDictionary(s => s.Value, s => s.Share, StringComparer.Ordinal);
        return segment
            .Where(s => s.Share - baseline.GetValueOrDefault(s.Value) >= MinShareGain && s.Share >= MinLift * baseline.GetValueOrDefault(s.Value))
            .OrderByDescending(s => s.Share - baseline.GetValueOrDefault(s.Value))
            .FirstOrDefault();
    }
}
