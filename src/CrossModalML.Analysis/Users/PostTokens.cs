using System.Text.RegularExpressions;

namespace CrossModalML.Analysis.Users;

/// <summary>Hashtags, mentions and plain words of a post's text, for topic summaries.</summary>
/// <remarks>Mentions and web addresses never become terms: a mention is another user's id or name.</remarks>
internal static partial class PostTokens
{
    /// <summary>Distinct hashtags of the text, in lower case with their <c>#</c>.</summary>
    public static IEnumerable<string> Hashtags(string text) =>
        HashtagPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the text mentions <paramref name="user"/> (<c>@user</c>, ignoring case).</summary>
    public static bool Mentions(string text, string user) =>
        MentionPattern().Matches(text).Any(m => string.Equals(m.Value[1..], user, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lower-case words of three or more letters, without hashtags, mentions, web addresses and HTML entities.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var plain = NonWordPattern().Replace(text, " ");
        return WordPattern().Matches(plain).Select(m => m.Value.ToLowerInvariant());
    }

    /// <summary>The distinct words and hashtags of a text as compared for copies: lower case, without web addresses,
    /// mentions or a retweet marker; empty for a text without words.</summary>
    public static IReadOnlySet<string> DuplicateKey(string text)
    {
        var stripped = DuplicateNoisePattern().Replace(text.ToLowerInvariant(), " ");
        return SeparatorPattern().Split(stripped).Where(part => part.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+|\brt\b")]
    private static partial Regex DuplicateNoisePattern();

    [GeneratedRegex(@"[^\p{L}\p{N}#]+")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+")]
    private static partial Regex HashtagPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"https?://\S+|www\.\S+|[@#][\p{L}\p{N}_]+|&#?\w+;")]
    private static partial Regex NonWordPattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}']{2,}")]
    private static partial Regex WordPattern();
}
