using System.Text.RegularExpressions;

namespace CrossModalML.Featurization.Text;

/// <summary>Turns a post's text into the plain sentence a pretrained sentence encoder reads best.</summary>
/// <remarks>
/// <para>Sentence encoders were trained on ordinary prose; a tweet's platform syntax is noise to them and costs word
/// pieces of their token budget. So, for the encoder's input only (the n-grams and social signals still see the text as
/// written): a leading retweet marker ("RT @name:") is dropped, web addresses are removed (also the scrubber's
/// <c>&lt;url&gt;</c> token), a word cut off by a trailing ellipsis (a truncated retweet, often a broken address) is
/// removed, @mentions become "@user" (also the scrubber's <c>&lt;user&gt;</c> token), and hashtags lose their '#' and
/// are split into words at case changes, digits and underscores ("#AssadHolocaust" → "Assad Holocaust").</para>
/// <para>A text that would be left empty is kept as written, trimmed. Deterministic and thread-safe.</para>
/// <para>Measured on the MVSA-Single split with MiniLM: +0.012 cross-validated accuracy and +0.009 macro-F1
/// (docs/benchmarks.md).</para>
/// </remarks>
internal static partial class SentenceTextCleaner
{
    /// <summary>What an @mention becomes: one token the encoder knows, with no account name in it.</summary>
    public const string Mention = "@user";

    /// <summary>Returns the encoder's reading of <paramref name="text"/>; <c>null</c> is treated as empty.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = RetweetPrefix().Replace(text, string.Empty);
        cleaned = SocialTokens.ReplaceWebAddresses(cleaned, " ").Replace(TextScrubber.UrlToken, " ", StringComparison.Ordinal);
        cleaned = TruncatedTail().Replace(cleaned, string.Empty);
        cleaned = SocialTokens.ReplaceAccountNames(cleaned, _ => Mention).Replace(TextScrubber.MentionToken, Mention, StringComparison.Ordinal);
        cleaned = Hashtag().Replace(cleaned, m => WordBreak().Replace(m.Groups[1].Value, " ").Replace('_', ' '));
        cleaned = Spaces().Replace(cleaned, " ").Trim();
        return cleaned.Length > 0 ? cleaned : text.Trim();
    }

    // One or more stacked retweet markers at the start: "RT @a: RT @b: text".
    [GeneratedRegex(@"^\s*(?:RT\s+@\w+:?\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetPrefix();

    // The last word when the text ends in an ellipsis glued to it ("... #urbanexplo…", "http…").
    [GeneratedRegex(@"\S*…\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TruncatedTail();

    [GeneratedRegex(@"(?<![\w#])#(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    // Between a lower-case letter and an upper-case one, before the last capital of an acronym followed by a word
    // ("PPPJiyalas" -> "PPP Jiyalas"), and between letters and digits.
    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex WordBreak();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
