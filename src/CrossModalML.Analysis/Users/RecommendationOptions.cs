namespace CrossModalML.Analysis.Users;

/// <summary>Settings of <see cref="UserBehaviourResult.Recommend"/>.</summary>
public sealed class RecommendationOptions
{
    /// <summary>The Jaccard index of two posts' word sets from which <see cref="SkipDuplicateTexts"/> treats one as a copy of the other.</summary>
    public const double CopySimilarity = 0.8;

    /// <summary>How many posts to return (1 to 1,000). Default 10.</summary>
    public int Top { get; set; } = 10;

    /// <summary>
    /// Also leave out posts whose text mentions the user (<c>@</c> followed by the user's id, ignoring case), which
    /// are usually replies or tags the user has seen. The user's own posts are always left out. Default false.
    /// </summary>
    public bool ExcludeMentionsOfUser { get; set; }

    /// <summary>
    /// Leave out copies: a post whose words (lower case, without web addresses, mentions and a retweet marker) overlap
    /// those of one of the user's own posts or of a post already recommended by at least
    /// <see cref="CopySimilarity"/> (Jaccard index), as retweets and reposts with a prefix do. Posts without words are
    /// never copies. Default true.
    /// </summary>
    public bool SkipDuplicateTexts { get; set; } = true;

    internal void Validate()
    {
        if (Top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, "Recommend between 1 and 1,000 posts.");
        }
    }
}
