using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

/// <summary>Demo posts as the dictionaries and typed objects a caller would score.</summary>
internal static class DemoPosts
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string?>> Dictionaries(int count, int skip = 0)
    {
        var data = DemoModel.Data;
        var columns = data.Columns.Select(c => c.Name).Where(n => n != "sentiment").ToList();
        var values = columns.ToDictionary(c => c, c => data.GetColumnValues(c));
        return Enumerable.Range(skip, count)
            .Select(i => (IReadOnlyDictionary<string, string?>)columns.ToDictionary(c => c, c => (string?)values[c][i]))
            .ToList();
    }

    public static TypedDemoPost Typed(IReadOnlyDictionary<string, string?> post) => new()
    {
        Text = post["text"],
        Image = post["image"],
        Timestamp = post["timestamp"],
        Likes = float.TryParse(post["likes"], System.Globalization.CultureInfo.InvariantCulture, out var likes) ? likes : null,
        Shares = int.TryParse(post["shares"], System.Globalization.CultureInfo.InvariantCulture, out var shares) ? shares : null,
        TopicName = post["topic"],
    };
}
