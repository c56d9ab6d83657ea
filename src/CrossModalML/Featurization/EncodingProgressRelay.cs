namespace CrossModalML.Featurization;

/// <summary>Joins a caller's own encoding progress with the one the front door listens on, so neither replaces the other.</summary>
internal sealed class EncodingProgressRelay(IProgress<EncodingProgress> first, IProgress<EncodingProgress> second) : IProgress<EncodingProgress>
{
    /// <summary>Both progresses (the caller's first), either one when the other is <c>null</c>, or <c>null</c>.</summary>
    public static IProgress<EncodingProgress>? Combine(IProgress<EncodingProgress>? own, IProgress<EncodingProgress>? added) =>
        own is null ? added : added is null ? own : new EncodingProgressRelay(own, added);

    public void Report(EncodingProgress value)
    {
        first.Report(value);
        second.Report(value);
    }
}
