namespace CrossModalML.Featurization;

/// <summary>Joins a caller's own encoding progress with the one the front door listens on, so neither replaces the other.</summary>
internal sealed class FeaturizationProgressRelay(IProgress<FeaturizationProgress> first, IProgress<FeaturizationProgress> second) : IProgress<FeaturizationProgress>
{
    /// <summary>Both progresses (the caller's first), either one when the other is <c>null</c>, or <c>null</c>.</summary>
    public static IProgress<FeaturizationProgress>? Combine(IProgress<FeaturizationProgress>? own, IProgress<FeaturizationProgress>? added) =>
        own is null ? added : added is null ? own : new FeaturizationProgressRelay(own, added);

    public void Report(FeaturizationProgress value)
    {
        first.Report(value);
        second.Report(value);
    }
}
