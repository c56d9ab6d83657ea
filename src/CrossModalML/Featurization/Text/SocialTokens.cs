using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrossModalML.Featurization.Text;

/// <summary>The one rule for what a hashtag, an @mention and a web address are, used by the text featurizer and every
/// analysis (trends, patterns, users), so that they count the same tokens.</summary>
/// <remarks>
/// <para>A token starts at the beginning of the text or right after white space. A hashtag is <c>#</c> followed by a
/// letter or digit, then letters, digits, underscores and combining marks (<c>#café</c>, <c>#東京</c>, <c>#1</c>); a
/// mention is the same after <c>@</c>, so an e-mail address is not a mention. A web address starts with
/// <c>http://</c>, <c>https://</c> or <c>www.</c> (any case) and runs to the next white space, less trailing
/// punctuation such as <c>.</c>, <c>,</c>, <c>!</c> or an unmatched <c>)</c>. This is the rule saved models' social
/// signals count by, so it cannot change without changing their scores.</para>
/// <para>Privacy filters need a wider net than counting does: <see cref="ReplaceAccountNames"/> and
/// <see cref="ReplaceWebAddresses"/> replace anything that could name an account or a page, also after punctuation
/// (<c>"@ann:</c>, <c>.@ann</c>, <c>(http://…)</c>). Use them to hide or remove such text, never to count tokens.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public static partial class SocialTokens
{
    private const string TrailingPunctuation = ".,;:!?'\"’”…>";

    /// <summary>The hashtags of a text, as written, in order, repeats included.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    public static IReadOnlyList<string> Hashtags(string? text) => Texts(text, SocialTokenKind.Hashtag);

    /// <summary>The @mentions of a text, as written (with the <c>@</c>), in order, repeats included.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    public static IReadOnlyList<string> Mentions(string? text) => Texts(text, SocialTokenKind.Mention);

    /// <summary>The web addresses of a text, without trailing punctuation, in order, repeats included.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    public static IReadOnlyList<string> Urls(string? text) => Texts(text, SocialTokenKind.Url);

    /// <summary>The tokens of the given kinds in a text, in order.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    /// <param name="kinds">The kinds to return.</param>
    public static IReadOnlyList<SocialToken> Find(string? text, SocialTokenKind kinds = SocialTokenKind.All)
    {
        var tokens = new List<SocialToken>();
        text ??= string.Empty;
        for (var i = 0; i < text.Length;)
        {
            var consumed = MatchAt(text, i, out var kind, out var length);
            if (consumed == 0)
            {
                i++;
                continue;
            }

            if ((kinds & kind) != 0)
            {
                tokens.Add(new SocialToken(kind, i, text.Substring(i, length)));
            }

            i += consumed;
        }

        return tokens;
    }

    /// <summary>How many tokens of one kind a text holds, without allocating.</summary>
    /// <param name="text">A post's text.</param>
    /// <param name="kind">One kind.</param>
    public static int Count(ReadOnlySpan<char> text, SocialTokenKind kind)
    {
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            var consumed = MatchAt(text, i, out var found, out _);
            if (consumed == 0)
            {
                i++;
                continue;
            }

            if (found == kind)
            {
                count++;
            }

            i += consumed;
        }

        return count;
    }

    /// <summary>The text with every token of the given kinds replaced; the rest, trailing punctuation included, is kept.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    /// <param name="kinds">The kinds to replace.</param>
    /// <param name="replacement">The text that stands for a token.</param>
    public static string Replace(string? text, SocialTokenKind kinds, Func<SocialToken, string> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        text ??= string.Empty;
        var tokens = Find(text, kinds);
        if (tokens.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var token in tokens)
        {
            result.Append(text, copied, token.Index - copied).Append(replacement(token));
            copied = token.Index + token.Text.Length;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Replaces everything that could name an account: <c>@</c> and up to 30 word characters wherever the
    /// <c>@</c> does not follow a word character or another <c>@</c> (so e-mail addresses are left alone). Wider than
    /// <see cref="Mentions"/> on purpose: it is the rule for hiding account names, not for counting mentions.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    /// <param name="replacement">Given the name without its <c>@</c>, the text that replaces the whole <c>@name</c>.</param>
    public static string ReplaceAccountNames(string? text, Func<string, string> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return AccountName().Replace(text ?? string.Empty, match => replacement(match.Value[1..]));
    }

    /// <summary>Replaces everything that could be a web address: <c>http://</c>, <c>https://</c> or <c>www.</c> at a
    /// word boundary (also after punctuation) up to the next white space. Wider than <see cref="Urls"/> on purpose: it
    /// is the rule for hiding addresses, not for counting them.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    /// <param name="replacement">The text that replaces each address.</param>
    public static string ReplaceWebAddresses(string? text, string replacement) =>
        WebAddress().Replace(text ?? string.Empty, replacement);

    private static IReadOnlyList<string> Texts(string? text, SocialTokenKind kind) =>
        Find(text, kind).Select(token => token.Text).ToArray();

    /// <summary>The characters a token starting at <paramref name="i"/> spans (0 when none starts there), its kind and
    /// its length once trailing punctuation is left out.</summary>
    private static int MatchAt(ReadOnlySpan<char> text, int i, out SocialTokenKind kind, out int length)
    {
        kind = SocialTokenKind.None;
        length = 0;
        if (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            return 0;
        }

        var c = text[i];
        if ((c == '#' || c == '@') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
        {
            var end = i + 2;
            while (end < text.Length && IsNameCharacter(text[end]))
            {
                end++;
            }

            kind = c == '#' ? SocialTokenKind.Hashtag : SocialTokenKind.Mention;
            length = end - i;
            return length;
        }

        var rest = text[i..];
        var prefix = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 4
            : 0;
        if (prefix == 0)
        {
            return 0;
        }

        var run = prefix;
        while (run < rest.Length && !char.IsWhiteSpace(rest[run]))
        {
            run++;
        }

        length = run;
        while (length > prefix && IsTrailingPunctuation(rest[..length]))
        {
            length--;
        }

        kind = SocialTokenKind.Url;
        return run;
    }

    private static bool IsNameCharacter(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Whether the address's last character is punctuation that ends the sentence rather than the address; a
    /// closing bracket counts only when the address opens none.</summary>
    private static bool IsTrailingPunctuation(ReadOnlySpan<char> address)
    {
        var last = address[^1];
        return last switch
        {
            ')' => !address.Contains('('),
            ']' => !address.Contains('['),
            _ => TrailingPunctuation.Contains(last),
        };
    }

    [GeneratedRegex(@"(?<![\w@])@\w{1,30}", RegexOptions.CultureInvariant)]
    private static partial Regex AccountName();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
