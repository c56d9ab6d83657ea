using System.Globalization;
using CrossModalML.Analysis.Reporting;

namespace CrossModalML.Analysis.Users;

/// <summary>Turns a <see cref="UserBehaviourResult"/> into a Markdown report with PNG charts.</summary>
/// <remarks>
/// The report shows users only as <see cref="UserProfile.User"/> (salted pseudonyms unless the analysis asked for
/// raw ids) and says which; it never contains a post's text or a mention. Charts: segment sizes, a 2-D map of the
/// users (first two principal components of the segmentation vectors, one colour per segment) and each segment's
/// hour-of-day profile.
/// </remarks>
public static class UserBehaviourReport
{
    private const int ActiveUsersShown = 10;

    /// <summary>Builds the report; save it with <see cref="MarkdownReport.Save"/>.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="recommendationsFor">A user (raw or shown id) whose recommendations to include; <c>null</c> for none.</param>
    /// <param name="recommendationOptions">How many posts to recommend; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="recommendationsFor"/> is not a profiled user.</exception>
    public static MarkdownReport Build(UserBehaviourResult result, string? recommendationsFor = null, RecommendationOptions? recommendationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var culture = CultureInfo.InvariantCulture;
        var name = result.SourcePath is null ? "posts in memory" : Path.GetFileName(result.SourcePath);
        var report = new MarkdownReport($"User behaviour: {name}");
        var counts = result.Profiles.Select(p => p.PostCount).Order().ToArray();
        var summary = string.Create(culture,
            $"{result.Profiles.Count:N0} users (column `{result.UserColumn}`) wrote {result.ProfiledPosts:N0} posts; posts per user: min {counts[0]}, median {counts[counts.Length / 2]}, max {counts[^1]}.");
        if (result.UsersBelowMinimum > 0)
        {
            summary += string.Create(culture, $" {result.UsersBelowMinimum:N0} users with fewer posts than the minimum are left out.");
        }

        if (result.PostsWithoutUser > 0)
        {
            summary += string.Create(culture, $" {result.PostsWithoutUser:N0} posts have no user.");
        }

        report.Paragraph(summary);
        report.Paragraph(result.IdsArePseudonymised
            ? "**User ids are pseudonymised**: each user is shown as `user_` + 16 hex digits of HMAC-SHA256 of the id under a salt that is not stored here. Mentions are never shown and no post text is reproduced; top terms are single words that many of a group's posts use."
            : "**Raw user ids (internal report)**: the analysis was asked to show raw ids. Do not share this report outside the team that may see them.");

        report.Heading("Segments");
        report.Paragraph(string.Create(culture,
            $"{result.Segments.Count} segments, {(result.SegmentCountChosenAutomatically ? "chosen automatically" : "as requested")}: silhouette {result.ChosenSegmentCount.Silhouette:0.000}, Davies–Bouldin {result.ChosenSegmentCount.DaviesBouldin:0.000}."));
        report.Table(
            ["segment", "users", "posts", "description"],
            result.Segments.Select(s => (IReadOnlyList<object?>)[s.Number, s.UserCount, s.PostCount, s.Description]));
        report.Table(
            ["segment", "top terms", "mean hour", "weekend share", .. result.EngagementColumns.Select(c => $"mean {c}")],
            result.Segments.Select(s => (IReadOnlyList<object?>)[
                s.Number,
                string.Join(", ", s.TopTerms),
                s.Rhythm.MeanHour is { } h ? ActivityRhythm.FormatHour(h) : "—",
                s.Rhythm.TimedPosts > 0 ? s.Rhythm.WeekendShare : double.NaN,
                .. result.EngagementColumns.Select(c => (object?)s.Engagement[c].Mean)]),
            "0.##");

        report.Chart(
            Chart.Bars("Users per segment", "users", result.Segments.Select(s => ($"segment {s.Number}", (double)s.UserCount)), integerValues: true),
            "segment-sizes.png");
        report.Chart(
            Chart.Lines("Users by segment (first two principal components)", "component 1", "component 2",
                result.Segments.Select(s => new ChartSeries(
                    $"segment {s.Number} ({s.UserCount})",
                    result.Projection.Where((_, i) => result.Profiles[i].Segment == s.Number),
                    ChartSeriesStyle.Markers))),
            "segment-map.png",
            "Each point is a user; the axes are the two directions in which the segmentation vectors vary most.");
        if (result.TimeColumn is not null)
        {
            report.Chart(
                Chart.Lines("Posting hour by segment (UTC)", "hour of day", "share of the segment's posts",
                    result.Segments.Select(s => new ChartSeries(
                        $"segment {s.Number}",
                        s.Rhythm.HourOfDay.Select((share, hour) => new ChartPoint(hour, share)),
                        ChartSeriesStyle.LineWithMarkers)),
                    integerX: true),
                "segment-hours.png");
        }

        report.Heading("How users were segmented");
        report.Paragraph("k-means on one vector per user, each block scaled to the same mean squared length; the number of segments maximises the silhouette (or minimises Davies–Bouldin) over the counts tried. Blocks:");
        report.Bullets(result.SegmentationBlocks);
        report.Table(
            ["segments", "silhouette", "Davies–Bouldin", "chosen"],
            result.SegmentCountScores.Select(s => (IReadOnlyList<object?>)[s.ClusterCount, s.Silhouette, s.DaviesBouldin, s.ClusterCount == result.ChosenSegmentCount.ClusterCount ? "✓" : ""]));

        report.Heading("Most active users");
        report.Table(
            ["user", "posts", "segment", "top hashtags", "mean hour", "weekend share", .. result.EngagementColumns.Select(c => $"median {c}"), .. result.LabelColumn is null ? Array.Empty<string>() : [$"top {result.LabelColumn}"]],
            result.Profiles.Take(ActiveUsersShown).Select(p => (IReadOnlyList<object?>)[
                p.User,
                p.PostCount,
                p.Segment,
                string.Join(" ", p.Hashtags.Take(3).Select(h => h.Value)),
                p.Rhythm.MeanHour is { } h ? ActivityRhythm.FormatHour(h) : "—",
                p.Rhythm.TimedPosts > 0 ? p.Rhythm.WeekendShare : double.NaN,
                .. result.EngagementColumns.Select(c => (object?)p.Engagement[c].Median),
                .. result.LabelColumn is null ? Array.Empty<object?>() : [p.Labels.Count > 0 ? string.Create(culture, $"{p.Labels[0].Value} ({p.Labels[0].Share:P0})") : "—"]]),
            "0.##");

        if (recommendationsFor is not null)
        {
            var recommendations = result.Recommend(recommendationsFor, recommendationOptions);
            var profile = result.FindProfile(recommendationsFor)!;
            report.Heading($"Recommendations for {profile.User}");
            report.Paragraph(string.Create(culture,
                $"Segment {profile.Segment}, {profile.PostCount} posts. Posts the user did not write, closest (cosine) to the mean of the user's post embeddings."));
            report.Table(["rank", "post", "cosine"], recommendations.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.PostId, r.Score]), "0.000");
        }

        return report;
    }
}
