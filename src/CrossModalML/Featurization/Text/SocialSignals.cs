using System.Text;

namespace CrossModalML.Featurization.Text;

/// <summary>Counts the social-media signals of a post's text.</summary>
/// <remarks>
/// Slots, in order: hashtags, @mentions, URLs (as <see cref="SocialTokens"/> finds them), emoji, emoticons standing as their own word (such as <c>:)</c> <c>:(</c> <c>:D</c> <c>&lt;3</c>),
/// exclamation marks per character, upper-case share of letters, log(1 + characters), log(1 + words),
/// and 1 when the text is empty.
/// </remarks>
internal static class SocialSignals
{
    /// <summary>Number of values <see cref="Compute"/> writes.</summary>
    public const int Length = 10;

    private static readonly string[] Emoticons = [":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":P", ":p", ":'(", ":|", ":/", "<3", "xD", "XD", ":o", ":O"];

    /// <summary>Fills <paramref name="values"/> (at least <see cref="Length"/> long) with the signals of <paramref name="text"/>.</summary>
    /// <param name="text">The post's text.</param>
    /// <param name="values">The destination.</param>
    public static void Compute(ReadOnlySpan<char> text, Span<float> values)
    {
        values[..Length].Clear();
        if (text.IsWhiteSpace())
        {
            values[9] = 1;
            return;
        }

        int emoji = 0, exclamations = 0, letters = 0, upper = 0, words = 0;
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '!')
            {
                exclamations++;
            }

            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }

            bool whitespace = char.IsWhiteSpace(c);
            if (!whitespace && !inWord)
            {
                words++;
            }

            inWord = !whitespace;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
            {
                emoji++;
            }
        }

        // Only whole tokens count, so the ":/" inside "https://" is not a face.
        int emoticons = 0;
        foreach (var token in text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Emoticons.Contains(token, StringComparer.Ordinal))
            {
                emoticons++;
            }
        }

        values[0] = SocialTokens.Count(text, SocialTokenKind.Hashtag);
        values[1] = SocialTokens.Count(text, SocialTokenKind.Mention);
        values[2] = SocialTokens.Count(text, SocialTokenKind.Url);
        values[3] = emoji;
        values[4] = emoticons;
        values[5] = (float)exclamations / text.Length;
        values[6] = letters == 0 ? 0 : (float)upper / letters;
        values[7] = MathF.Log(1 + text.Length);
        values[8] = MathF.Log(1 + words);
    }

    private static bool IsEmoji(Rune rune) => rune.Value is
        (>= 0x1F300 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x1F000 and <= 0x1F2FF) or 0x2B50 or 0x2B55 or 0x203C or 0x2049;
}
