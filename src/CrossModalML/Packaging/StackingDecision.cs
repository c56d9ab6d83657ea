namespace CrossModalML.Packaging;

/// <summary>Whether the main task's head stacks the auxiliary tasks' predictions, and the validation scores behind the choice.</summary>
/// <param name="Mode">The requested mode.</param>
/// <param name="Used">Whether the saved main head reads the auxiliary predictions.</param>
/// <param name="Metric">The metric compared: "macro-F1" or "RMSE".</param>
/// <param name="PlainScore">The plain head's score on the validation rows; <c>null</c> when not measured.</param>
/// <param name="StackedScore">The stacked head's score on the same rows; <c>null</c> when not measured.</param>
/// <param name="ValidationRows">How many validation rows the scores come from (0 when not measured).</param>
/// <param name="Reason">Why, in a sentence, for reports.</param>
public sealed record StackingDecision(StackingMode Mode, bool Used, string Metric, double? PlainScore, double? StackedScore, int ValidationRows, string Reason);
