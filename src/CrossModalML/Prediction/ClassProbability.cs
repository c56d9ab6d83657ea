namespace CrossModalML.Prediction;

/// <summary>One class and the probability a model gives it.</summary>
/// <param name="Label">The class.</param>
/// <param name="Probability">Its probability, between 0 and 1.</param>
public sealed record ClassProbability(string Label, float Probability);
