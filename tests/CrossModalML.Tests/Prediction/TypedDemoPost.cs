using Microsoft.ML.Data;

namespace CrossModalML.Tests.Prediction;

/// <summary>A caller's own post type for the demo model: names in another case, a renamed column, mixed number types.</summary>
public sealed class TypedDemoPost
{
    public string? Text { get; set; }

    public string? Image { get; set; }

    public string? Timestamp { get; set; }

    public float? Likes { get; set; }

    public int? Shares { get; set; }

    [ColumnName("topic")]
    public string? TopicName { get; set; }
}
