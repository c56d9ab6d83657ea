using System.Globalization;

namespace CrossModalML.AutoML;

/// <summary>The time budget a preset's search gets:
/// <c>clamp(base + per-post × posts × (1 + pretrained encoders), minimum, maximum)</c> seconds, times
/// <see cref="BestFactor"/> for <see cref="QualityPreset.Best"/>.</summary>
/// <remarks>
/// A trial's cost grows about linearly with the posts (every fold fits on them) and with the width of the dense
/// pretrained features (an ONNX image encoder, word or sentence vectors), so the budget does too: it buys a similar number
/// of trials on small and large, plain and encoded data. With the defaults the 3,000 demo posts get 51 s, 2,000 posts
/// with two pretrained encoders 87 s and 10,000 plain posts 135 s; <see cref="QualityPreset.Best"/> gets four times that.
/// Featurization (and encoding), the search's first trial (the single fit's configuration, which the budget does not
/// count) and the winner's refit come on top.
/// </remarks>
public static class SearchBudgetRule
{
    /// <summary>Seconds every search gets whatever the size.</summary>
    public const double BaseSeconds = 15;

    /// <summary>Seconds added per training post and feature source (the built-in features, plus one per pretrained encoder).</summary>
    public const double SecondsPerPost = 0.012;

    /// <summary>The shortest <see cref="QualityPreset.Balanced"/> budget, in seconds.</summary>
    public const double MinimumSeconds = 30;

    /// <summary>The longest <see cref="QualityPreset.Balanced"/> budget, in seconds.</summary>
    public const double MaximumSeconds = 600;

    /// <summary>How many times the <see cref="QualityPreset.Balanced"/> budget <see cref="QualityPreset.Best"/> spends.</summary>
    public const double BestFactor = 4;

    /// <summary>The budget for a preset, a number of training posts and of pretrained encoders.</summary>
    /// <param name="preset"><see cref="QualityPreset.Balanced"/> or <see cref="QualityPreset.Best"/>.</param>
    /// <param name="posts">Training posts.</param>
    /// <param name="pretrainedEncoders">Pretrained encoders the featurizer runs (ONNX image model, word vectors, ...).</param>
    /// <exception cref="ArgumentException"><see cref="QualityPreset.Fast"/>, which does not search.</exception>
    public static TimeSpan For(QualityPreset preset, int posts, int pretrainedEncoders = 0)
    {
        if (preset == QualityPreset.Fast)
        {
            throw new ArgumentException("The fast preset fits once and has no search budget; use balanced or best.", nameof(preset));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(pretrainedEncoders);
        double seconds = Math.Clamp(BaseSeconds + SecondsPerPost * posts * (1 + pretrainedEncoders), MinimumSeconds, MaximumSeconds);
        return TimeSpan.FromSeconds(Math.Round(preset == QualityPreset.Best ? seconds * BestFactor : seconds));
    }

    /// <summary>The rule with its figures filled in, e.g.
    /// "2,000 posts, 2 pretrained encoders → clamp(15 s + 0.012 s × 2,000 × 3, 30 s, 600 s) = 87 s".</summary>
    /// <param name="preset"><see cref="QualityPreset.Balanced"/> or <see cref="QualityPreset.Best"/>.</param>
    /// <param name="posts">Training posts.</param>
    /// <param name="pretrainedEncoders">Pretrained encoders the featurizer runs.</param>
    public static string Describe(QualityPreset preset, int posts, int pretrainedEncoders = 0)
    {
        var budget = For(preset, posts, pretrainedEncoders);
        var rule = string.Format(
            CultureInfo.InvariantCulture, "clamp({0:0} s + {1:0.###} s × {2:N0} × {3}, {4:0} s, {5:0} s)", BaseSeconds, SecondsPerPost, posts, 1 + pretrainedEncoders, MinimumSeconds, MaximumSeconds);
        return string.Format(
            CultureInfo.InvariantCulture, "{0:N0} posts, {1} pretrained encoder{2} → {3}{4} = {5:0} s",
            posts, pretrainedEncoders, pretrainedEncoders == 1 ? string.Empty : "s", preset == QualityPreset.Best ? $"{BestFactor:0} × " : string.Empty, rule, budget.TotalSeconds);
    }
}
