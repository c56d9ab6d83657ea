namespace CrossModalML.Evaluation;

/// <summary>How a model's quality is estimated before it is refit on all the data.</summary>
public enum EvaluationStrategy
{
    /// <summary>K-fold cross-validation below <see cref="EvaluationOptions.CrossValidationRowLimit"/> rows, a hold-out above.</summary>
    Auto = 0,

    /// <summary>A stratified hold-out of <see cref="EvaluationOptions.TestFraction"/> of the rows.</summary>
    HoldOut,

    /// <summary>Stratified k-fold cross-validation with <see cref="EvaluationOptions.Folds"/> folds.</summary>
    CrossValidation,

    /// <summary>No evaluation: fit on all rows only (metrics are absent).</summary>
    None,
}
