using Microsoft.ML.Data;

namespace CrossModalML.Benchmarks;

/// <summary>A demo post typed for both ML.NET's PredictionEngine and CrossModalPredictor's typed input.</summary>
public sealed class BenchPost
{
    [ColumnName("id")]
    public string Id { get; set; } = string.Empty;

    [ColumnName("text")]
    public string Text { get; set; } = string.Empty;

    [ColumnName("image")]
    public string Image { get; set; } = string.Empty;

    [ColumnName("user_id")]
    public string UserId { get; set; } = string.Empty;

    [ColumnName("timestamp")]
    public string Timestamp { get; set; } = string.Empty;

    [ColumnName("likes")]
    public float Likes { get; set; }

    [ColumnName("shares")]
    public float Shares { get; set; }

    [ColumnName("topic")]
    public string Topic { get; set; } = string.Empty;
}
