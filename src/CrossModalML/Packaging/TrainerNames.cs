using CrossModalML.Data;

namespace CrossModalML.Packaging;

/// <summary>The ML.NET trainers CrossModalML can build, by the name used in <see cref="TrainerSpec.Name"/>.</summary>
public static class TrainerNames
{
    /// <summary>L-BFGS logistic regression (binary).</summary>
    public const string LbfgsLogisticRegression = "LbfgsLogisticRegression";

    /// <summary>SDCA logistic regression (binary).</summary>
    public const string SdcaLogisticRegression = "SdcaLogisticRegression";

    /// <summary>Averaged perceptron (binary).</summary>
    public const string AveragedPerceptron = "AveragedPerceptron";

    /// <summary>Linear SVM (binary).</summary>
    public const string LinearSvm = "LinearSvm";

    /// <summary>L-BFGS maximum entropy (multiclass).</summary>
    public const string LbfgsMaximumEntropy = "LbfgsMaximumEntropy";

    /// <summary>SDCA maximum entropy (multiclass).</summary>
    public const string SdcaMaximumEntropy = "SdcaMaximumEntropy";

    /// <summary>LightGBM gradient-boosted trees (binary, multiclass, regression).</summary>
    public const string LightGbm = "LightGbm";

    /// <summary>FastTree boosted trees (binary, regression; one-versus-all for multiclass).</summary>
    public const string FastTree = "FastTree";

    /// <summary>FastForest random forest (binary, regression; one-versus-all for multiclass).</summary>
    public const string FastForest = "FastForest";

    /// <summary>FastTree with a Tweedie loss (regression).</summary>
    public const string FastTreeTweedie = "FastTreeTweedie";

    /// <summary>SDCA least squares (regression).</summary>
    public const string Sdca = "Sdca";

    /// <summary>L-BFGS Poisson regression (regression, non-negative targets).</summary>
    public const string LbfgsPoissonRegression = "LbfgsPoissonRegression";

    /// <summary>The trainers that can learn <paramref name="task"/>.</summary>
    /// <param name="task">The task kind.</param>
    public static IReadOnlyList<string> For(TaskKind task) => task switch
    {
        TaskKind.Binary =>
        [
            LbfgsLogisticRegression, SdcaLogisticRegression, AveragedPerceptron,
            LinearSvm, LightGbm, FastTree, FastForest,
        ],
        TaskKind.Multiclass =>
        [
            LbfgsMaximumEntropy, SdcaMaximumEntropy, LightGbm,
            FastTree, FastForest,
        ],
        TaskKind.Regression =>
        [
            LightGbm, FastTree, FastTreeTweedie, FastForest,
            Sdca, LbfgsPoissonRegression,
        ],
        _ => [],
    };
}
