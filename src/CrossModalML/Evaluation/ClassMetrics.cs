namespace CrossModalML.Evaluation;

/// <summary>How well one class is predicted.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Of the posts predicted as this class, the share that are.</param>
/// <param name="Recall">Of the posts of this class, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Posts of this class in the evaluated data.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
