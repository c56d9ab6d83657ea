namespace CrossModalML.Analysis.Users;

/// <summary>Engagement of a group of posts on one numeric column (likes, shares, …); missing values are skipped.</summary>
/// <param name="Mean">Mean value; NaN when no post has a value.</param>
/// <param name="Median">Median value; NaN when no post has a value.</param>
/// <param name="Count">How many posts had a value.</param>
public sealed record EngagementSummary(double Mean, double Median, int Count)
{
    internal static EngagementSummary From(IEnumerable<float> values)
    {
        var finite = values.Where(float.IsFinite).Select(v => (double)v).Order().ToArray();
        if (finite.Length == 0)
        {
            return new EngagementSummary(double.NaN, double.NaN, 0);
        }

        int middle = finite.Length / 2;
        double median = finite.Length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
        return new EngagementSummary(finite.Average(), median, finite.Length);
    }
}
