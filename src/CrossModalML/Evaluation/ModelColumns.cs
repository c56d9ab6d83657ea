namespace CrossModalML.Evaluation;

/// <summary>Names of the columns a CrossModalML model reads and writes, beside the user's own columns.</summary>
internal static class ModelColumns
{
    /// <summary>The encoded label the trainer learns from (bool, key or float). Only present while training and evaluating.</summary>
    public const string EncodedLabel = "__cm_label";

    /// <summary>The balanced class weight of a training row, used when a trainer's <c>ClassWeighting</c> is on. Only present while training.</summary>
    public const string ClassWeight = "__cm_class_weight";

    /// <summary>The fused feature vector.</summary>
    public const string Features = "Features";

    /// <summary>The raw score: a float for binary and regression, a per-class vector for multiclass.</summary>
    public const string Score = "Score";

    /// <summary>The calibrated probability of the positive class (binary).</summary>
    public const string Probability = "Probability";

    /// <summary>The predicted class: a bool for binary (true is the second class label), text for multiclass.</summary>
    public const string PredictedLabel = "PredictedLabel";
}
