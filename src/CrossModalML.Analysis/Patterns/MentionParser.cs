using System.Text.RegularExpressions;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Finds the accounts a post names: <c>@handle</c> mentions and the source of a retweet (<c>RT @handle</c>).</summary>
internal static partial class MentionParser
{
    /// <summary>The retweeted account (when the text starts with <c>RT @handle</c>) and every other account mentioned, in order, without repeats.</summary>
    public static (string? RetweetOf, IReadOnlyList<string> Mentioned) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? retweetOf = null;
        var retweet = Retweet().Match(text);
        if (retweet.Success)
        {
            retweetOf = retweet.Groups["handle"].Value;
        }

        var mentioned = new List<string>();
        foreach (Match match in Mention().Matches(text))
        {
            var handle = match.Groups["handle"].Value;
            if ((retweetOf is null || !handle.Equals(retweetOf, StringComparison.OrdinalIgnoreCase))
                && !mentioned.Contains(handle, StringComparer.OrdinalIgnoreCase))
            {
                mentioned.Add(handle);
            }
        }

        return (retweetOf, mentioned);
    }

    /// <summary>Replaces every <c>@handle</c> in <paramref name="text"/> with what <paramref name="replace"/> gives for the handle.</summary>
    public static string ReplaceMentions(string text, Func<string, string> replace) =>
        Mention().Replace(text, m => "@" + replace(m.Groups["handle"].Value));

    /// <summary>The text without mentions, retweet markers, web addresses and words cut off by an ellipsis, for topic models and term counts.</summary>
    public static string StripAccountsAndLinks(string text) =>
        Link().Replace(Mention().Replace(RetweetMarker().Replace(text, " "), " "), " ");

    // A handle: 1–30 letters, digits or underscores after an @ that does not follow a word character (e-mail addresses).
    [GeneratedRegex(@"(?<![\w@])@(?<handle>[A-Za-z0-9_]{1,30})", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^\s*RT\s*@(?<handle>[A-Za-z0-9_]{1,30})", RegexOptions.CultureInvariant)]
    private static partial Regex Retweet();

    [GeneratedRegex(@"\bRT\b", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetMarker();

    // Web addresses, also cut-off ones ("http…", "htt…") and any other word cut off with an ellipsis.
    [GeneratedRegex(@"\bhttps?\S*|\bwww\.\S+|\S*…", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
