namespace CrossModalML.Featurization.Text;

/// <summary>A hashtag, mention or web address found in a post's text by <see cref="SocialTokens"/>.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Index">Where it starts in the text.</param>
/// <param name="Text">The token as written: with its <c>#</c> or <c>@</c>; a web address without trailing punctuation.</param>
public readonly record struct SocialToken(SocialTokenKind Kind, int Index, string Text)
{
    /// <summary>The hashtag or account name without its <c>#</c> or <c>@</c>; the whole address for a web address.</summary>
    public string Name => Kind == SocialTokenKind.Url ? Text : Text[1..];
}
