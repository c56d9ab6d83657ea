using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Explanations;

/// <summary>How much one modality or column moved one post's prediction.</summary>
/// <param name="Name">The modality or the column's name.</param>
/// <param name="Modality">The modality.</param>
/// <param name="Delta">The predicted class's probability (or the predicted value) with the input present minus with it
/// missing. Positive: it pushed the post towards the prediction; negative: it pulled away from it.</param>
public sealed record Contribution(string Name, Modality Modality, double Delta);
