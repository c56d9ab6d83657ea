using CrossModalML.Data;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Posts made of texts alone: an id, the text in a "body" column and a "mood" label alternating up and down.</summary>
internal static class TextPosts
{
    public static readonly ColumnSchema[] Schema = [new("id", ColumnRole.Id), new("body", ColumnRole.Text), new("mood", ColumnRole.Label)];

    public static PostDataset Create(IReadOnlyList<string> texts, string directory) =>
        PostDataset.FromRows(Schema, TaskKind.Auto, [], texts.Select((t, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["id"] = $"p{i}",
            ["body"] = t,
            ["mood"] = i % 2 == 0 ? "up" : "down",
        }).ToList(), directory);
}
