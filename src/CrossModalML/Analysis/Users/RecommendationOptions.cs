namespace CrossModalML.Analysis.Users;

/// <summary>Settings of <see cref="UserBehaviourResult.Recommend"/>.</summary>
public sealed class RecommendationOptions
{
    /// <summary>How many posts to return (1 to 1,000). Default 10.</summary>
    public int Top { get; set; } = 10;

    /// <summary>
    /// Also leave out posts whose text mentions the user (<c>@</c> followed by the user's id, ignoring case), which
    /// are usually replies or tags the user has seen. The user's own posts are always left out. Default false.
    /// </summary>
    public bool ExcludeMentionsOfUser { get; set; }

    internal void Validate()
    {
        if (Top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, "Recommend between 1 and 1,000 posts.");
        }
    }
}
