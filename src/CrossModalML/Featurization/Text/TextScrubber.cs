using System.Text.RegularExpressions;

namespace CrossModalML.Featurization.Text;

/// <summary>Replaces personal data in a post's text with placeholder tokens before it is featurized.</summary>
/// <remarks>
/// E-mail addresses become <c>&lt;email&gt;</c>, web addresses <c>&lt;url&gt;</c>, phone numbers (7 or more digits,
/// with optional <c>+</c>, spaces, dots, dashes or brackets) <c>&lt;phone&gt;</c>, and @mentions <c>&lt;user&gt;</c>. Addresses
/// and account names are found by <see cref="SocialTokens.ReplaceWebAddresses"/> and
/// <see cref="SocialTokens.ReplaceAccountNames"/>, which also catch them after punctuation.
/// Scrubbing runs inside the model, so the text dictionary a saved model keeps never holds those values, and posts
/// scored later are scrubbed the same way. Hashtags and the rest of the text are kept. Thread-safe.
/// </remarks>
internal static partial class TextScrubber
{
    /// <summary>The token an e-mail address becomes.</summary>
    public const string EmailToken = "<email>";

    /// <summary>The token a web address becomes.</summary>
    public const string UrlToken = "<url>";

    /// <summary>The token a phone number becomes.</summary>
    public const string PhoneToken = "<phone>";

    /// <summary>The token an @mention becomes.</summary>
    public const string MentionToken = "<user>";

    /// <summary>Returns <paramref name="text"/> with personal data replaced by tokens.</summary>
    /// <param name="text">A post's text; <c>null</c> is treated as empty.</param>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // E-mails first: their '@' would otherwise be taken for a mention, and their domain for a web address.
        text = Email().Replace(text, EmailToken);
        text = SocialTokens.ReplaceWebAddresses(text, UrlToken);
        text = SocialTokens.ReplaceAccountNames(text, _ => MentionToken);
        return Phone().Replace(text, PhoneToken);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\w)\+?\(?\d(?:[\s().\-]?\d){6,14}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
