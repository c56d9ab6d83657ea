using System.Text.RegularExpressions;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Finds the accounts a post names: <c>@handle</c> mentions (as <see cref="SocialTokens"/> finds them) and the
/// source of a retweet (<c>RT @handle</c>).</summary>
internal static partial class MentionParser
{
    /// <summary>The retweeted account (when the text starts with <c>RT @handle</c>) and every other account mentioned, in order, without repeats.</summary>
    public static (string? RetweetOf, IReadOnlyList<string> Mentioned) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = SocialTokens.Find(text, SocialTokenKind.Mention);
        var retweet = RetweetPrefix().Match(text);
        string? retweetOf = retweet.Success && mentions.Count > 0 && mentions[0].Index == retweet.Length ? mentions[0].Name : null;

        var mentioned = new List<string>();
        foreach (var mention in mentions)
        {
            var handle = mention.Name;
            if ((retweetOf is null || !handle.Equals(retweetOf, StringComparison.OrdinalIgnoreCase))
                && !mentioned.Contains(handle, StringComparer.OrdinalIgnoreCase))
            {
                mentioned.Add(handle);
            }
        }

        return (retweetOf, mentioned);
    }

    /// <summary>Replaces every account name in <paramref name="text"/> with <c>@</c> and what <paramref name="replace"/>
    /// gives for the name; wider than the mentions <see cref="Parse"/> counts, so that no name is shown by mistake.</summary>
    public static string ReplaceMentions(string text, Func<string, string> replace) =>
        SocialTokens.ReplaceAccountNames(text, handle => "@" + replace(handle));

    /// <summary>The text without account names, retweet markers, web addresses and words cut off by an ellipsis, for topic models and term counts.</summary>
    public static string StripAccountsAndLinks(string text) =>
        Link().Replace(SocialTokens.ReplaceAccountNames(RetweetMarker().Replace(text, " "), _ => " "), " ");

    // "RT" and white space at the start of the text, before the retweeted account's mention.
    [GeneratedRegex(@"^\s*RT\s+", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetPrefix();

    [GeneratedRegex(@"\bRT\b", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetMarker();

    // Web addresses, also cut-off ones ("http…", "htt…") and any other word cut off with an ellipsis.
    [GeneratedRegex(@"\bhttps?\S*|\bwww\.\S+|\S*…", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
