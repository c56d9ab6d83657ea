using System.Globalization;

namespace CrossModalML.Analysis.Explanations;

/// <summary>Why a model predicted what it did for one post.</summary>
/// <param name="PredictedLabel">The predicted class; <c>null</c> for regression.</param>
/// <param name="Score">The predicted class's probability, or the predicted value.</param>
/// <param name="Modalities">Contribution of each modality, largest effect first.</param>
/// <param name="Columns">Contribution of each input column, largest effect first.</param>
public sealed record PostExplanation(string? PredictedLabel, double Score, IReadOnlyList<Contribution> Modalities, IReadOnlyList<Contribution> Columns)
{
    /// <summary>A sentence naming the modality that moved the prediction most, e.g. "the image pushed this post towards 'negative' (+0.41)".</summary>
    public string Summary()
    {
        if (Modalities.Count == 0)
        {
            return "No input could be removed to explain this prediction.";
        }

        var top = Modalities[0];
        string target = PredictedLabel is null ? "its value" : $"'{PredictedLabel}'";
        string verb = top.Delta >= 0 ? "pushed this post towards" : "pulled this post away from";
        string what = top.Modality switch
        {
            Featurization.Modality.Image => "the image",
            Featurization.Modality.Text => "the text",
            _ => "the metadata",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what} {verb} {target} ({top.Delta:+0.00;-0.00})");
    }
}
