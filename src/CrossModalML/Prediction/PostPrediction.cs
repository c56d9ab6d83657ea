namespace CrossModalML.Prediction;

/// <summary>A model's answer for one post.</summary>
public sealed record PostPrediction
{
    /// <summary>The most probable class; <c>null</c> for regression.</summary>
    public string? PredictedLabel { get; init; }

    /// <summary>Probability per class, in the model's class order; empty for regression.</summary>
    public IReadOnlyDictionary<string, float> Probabilities { get; init; } = new Dictionary<string, float>();

    /// <summary>The predicted value; <c>null</c> for classification.</summary>
    public float? Value { get; init; }
}
