namespace CrossModalML.Demo;

/// <summary>Everything decided about one post before it is ordered in time and rendered.</summary>
internal sealed class DemoPostPlan
{
    public required int PlanIndex { get; init; }
    public required int UserIndex { get; init; }
    public required int Topic { get; init; }
    public required int Day { get; init; }
    public required int MinuteOfDay { get; init; }
    public required int CleanSentiment { get; init; }
    public required int WrittenSentiment { get; init; }
    public required SentimentCueChannel CueChannel { get; init; }
    public required bool HasImage { get; init; }
    public required bool IsBurstPost { get; init; }
}
