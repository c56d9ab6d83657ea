namespace CrossModalML.Featurization.Text;

/// <summary>The kinds of <see cref="SocialToken"/>; flags, so that one call can ask for several.</summary>
[Flags]
public enum SocialTokenKind
{
    /// <summary>No kind.</summary>
    None = 0,

    /// <summary>A hashtag, such as <c>#sunset</c>.</summary>
    Hashtag = 1,

    /// <summary>An @mention of an account, such as <c>@ann</c>.</summary>
    Mention = 2,

    /// <summary>A web address starting <c>http://</c>, <c>https://</c> or <c>www.</c>.</summary>
    Url = 4,

    /// <summary>Every kind.</summary>
    All = Hashtag | Mention | Url,
}
