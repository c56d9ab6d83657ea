namespace CrossModalML.Analysis.Trends;

/// <summary>One (topic, window) row handed to ML.NET: the features at a window and the next window's count.</summary>
internal sealed class TrendExample
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];
}
