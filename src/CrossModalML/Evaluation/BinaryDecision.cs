namespace CrossModalML.Evaluation;

/// <summary>Where a binary model's positive/negative decision comes from when its scored output is read.</summary>
/// <param name="Threshold">Predict positive when the positive-class probability is at least this; <c>null</c> for the most
/// probable class. Used only when <paramref name="InModel"/> is false.</param>
/// <param name="InModel">The model's own <c>PredictedLabel</c> already applies its tuned threshold, so it is read as is
/// rather than cut again from the probability.</param>
internal readonly record struct BinaryDecision(double? Threshold, bool InModel)
{
    /// <summary>A cut of the probability at <paramref name="threshold"/> (<c>null</c>: the most probable class).</summary>
    public static BinaryDecision Cut(double? threshold) => new(threshold, false);

    /// <summary>The model's own <c>PredictedLabel</c>.</summary>
    public static BinaryDecision FromModel { get; } = new(null, true);

    /// <summary>Whether a binary model's positive-class <paramref name="probability"/> is a positive prediction at
    /// <paramref name="threshold"/>: the one rule the saved threshold step, the predictor and evaluation share.</summary>
    public static bool IsPositive(float probability, double threshold) => probability >= threshold;
}
