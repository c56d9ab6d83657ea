using System.Text.RegularExpressions;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Analysis.Users;

/// <summary>Hashtags, mentions and plain words of a post's text, for topic summaries.</summary>
/// <remarks>Hashtags and mentions are <see cref="SocialTokens"/>'. Account names and web addresses never become terms,
/// even where they are not counted as mentions or addresses: a mention is another user's id or name.</remarks>
internal static partial class PostTokens
{
    /// <summary>Distinct hashtags of the text, in lower case with their <c>#</c>.</summary>
    public static IEnumerable<string> Hashtags(string text) =>
        SocialTokens.Hashtags(text).Select(tag => tag.ToLowerInvariant()).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the text mentions <paramref name="user"/> (<c>@user</c>, ignoring case).</summary>
    public static bool Mentions(string text, string user) =>
        SocialTokens.Find(text, SocialTokenKind.Mention).Any(mention => string.Equals(mention.Name, user, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-case words of three or more letters, without hashtags, mentions, web addresses and HTML entities.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var plain = HtmlEntityPattern().Replace(WithoutAccountsAndLinks(SocialTokens.Replace(text, SocialTokenKind.All, _ => " ")), " ");
        return WordPattern().Matches(plain).Select(m => m.Value.ToLowerInvariant());
    }

    /// <summary>The distinct words and hashtags of a text as compared for copies: lower case, without web addresses,
    /// mentions or a retweet marker; empty for a text without words.</summary>
    public static IReadOnlySet<string> DuplicateKey(string text)
    {
        var stripped = RetweetMarkerPattern().Replace(WithoutAccountsAndLinks(text.ToLowerInvariant()), " ");
        return SeparatorPattern().Split(stripped).Where(part => part.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static string WithoutAccountsAndLinks(string text) =>
        SocialTokens.ReplaceAccountNames(SocialTokens.ReplaceWebAddresses(text, " "), _ => " ");

    [GeneratedRegex(@"\brt\b")]
    private static partial Regex RetweetMarkerPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}#]+")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex HtmlEntityPattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}']{2,}")]
    private static partial Regex WordPattern();
}
