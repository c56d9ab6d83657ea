using System.Globalization;

namespace CrossModalML.AutoML;

/// <summary>The time budget a preset's search gets: <c>clamp(base + per-post × posts, minimum, maximum)</c> seconds,
/// times <see cref="BestFactor"/> for <see cref="QualityPreset.Best"/>.</summary>
/// <remarks>
/// A trial's cost grows about linearly with the posts (every fold fits on them), so the budget does too: it buys a
/// similar number of trials on small and large data. With the defaults a 2,000-post data set gets 50 s, 3,000 posts
/// 65 s and 10,000 posts 170 s; <see cref="QualityPreset.Best"/> gets four times that. Featurization (and encoding) and
/// the winner's refit come on top of the budget.
/// </remarks>
public static class SearchBudgetRule
{
    /// <summary>Seconds every search gets whatever the size.</summary>
    public const double BaseSeconds = 20;

    /// <summary>Seconds added per training post.</summary>
    public const double SecondsPerPost = 0.015;

    /// <summary>The shortest <see cref="QualityPreset.Balanced"/> budget, in seconds.</summary>
    public const double MinimumSeconds = 30;

    /// <summary>The longest <see cref="QualityPreset.Balanced"/> budget, in seconds.</summary>
    public const double MaximumSeconds = 600;

    /// <summary>How many times the <see cref="QualityPreset.Balanced"/> budget <see cref="QualityPreset.Best"/> spends.</summary>
    public const double BestFactor = 4;

    /// <summary>The budget for a preset and a number of training posts.</summary>
    /// <param name="preset"><see cref="QualityPreset.Balanced"/> or <see cref="QualityPreset.Best"/>.</param>
    /// <param name="posts">Training posts.</param>
    /// <exception cref="ArgumentException"><see cref="QualityPreset.Fast"/>, which does not search.</exception>
    public static TimeSpan For(QualityPreset preset, int posts)
    {
        if (preset == QualityPreset.Fast)
        {
            throw new ArgumentException("The fast preset fits once and has no search budget; use balanced or best.", nameof(preset));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(posts);
        double seconds = Math.Clamp(BaseSeconds + SecondsPerPost * posts, MinimumSeconds, MaximumSeconds);
        return TimeSpan.FromSeconds(Math.Round(preset == QualityPreset.Best ? seconds * BestFactor : seconds));
    }

    /// <summary>The rule with its figures filled in, e.g. "3,000 posts → clamp(20 s + 0.015 s × 3,000, 30 s, 600 s) = 65 s".</summary>
    /// <param name="preset"><see cref="QualityPreset.Balanced"/> or <see cref="QualityPreset.Best"/>.</param>
    /// <param name="posts">Training posts.</param>
    public static string Describe(QualityPreset preset, int posts)
    {
        var budget = For(preset, posts);
        var rule = string.Format(
            CultureInfo.InvariantCulture, "clamp({0:0} s + {1:0.###} s × {2:N0}, {3:0} s, {4:0} s)", BaseSeconds, SecondsPerPost, posts, MinimumSeconds, MaximumSeconds);
        return string.Format(
            CultureInfo.InvariantCulture, "{0:N0} posts → {1}{2} = {3:0} s", posts, preset == QualityPreset.Best ? $"{BestFactor:0} × " : string.Empty, rule, budget.TotalSeconds);
    }
}
