namespace CrossModalML.Prediction;

/// <summary>A model's answer for one post. Immutable.</summary>
public sealed record PostPrediction
{
    /// <summary>The most probable class; <c>null</c> for regression.</summary>
    public string? PredictedLabel { get; init; }

    /// <summary>Probability per class, in the model's class order; empty for regression.</summary>
    public IReadOnlyDictionary<string, float> Probabilities { get; init; } = new Dictionary<string, float>();

    /// <summary>The predicted value; <c>null</c> for classification.</summary>
    public float? Value { get; init; }

    /// <summary>For a multi-task model, every task's prediction by task name (its label column), the main task's
    /// included; the other members of this prediction are the main task's. Empty for a single-task model.</summary>
    public IReadOnlyDictionary<string, PostPrediction> Tasks { get; init; } = new Dictionary<string, PostPrediction>();

    /// <summary>The <see cref="CrossModalPredictor.ModelVersion"/> of the model that gave this answer, so a caller can
    /// tell which side of a hot reload answered; 0 when it did not come from a <see cref="CrossModalPredictor"/>. Set on
    /// the top-level prediction only, not on the entries of <see cref="Tasks"/>.</summary>
    public long ModelVersion { get; init; }
    /// <summary>What made this prediction less informed than usual, e.g. "image 'x.jpg' in column 'image' is missing or
    /// unreadable: scored without the image"; empty when the post was scored with everything it named.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The <paramref name="k"/> most probable classes, most probable first; ties keep the model's class order.</summary>
    /// <param name="k">How many classes to return; more than the model has returns them all.</param>
    /// <returns>Up to <paramref name="k"/> classes; empty for regression.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public IReadOnlyList<ClassProbability> TopClasses(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        // OrderByDescending is stable, so equal probabilities stay in class order.
        return Probabilities.OrderByDescending(pair => pair.Value).Take(k).Select(pair => new ClassProbability(pair.Key, pair.Value)).ToList();
    }
}
