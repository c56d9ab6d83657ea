using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;
using CrossModalML.Analysis.Reporting;

namespace CrossModalML.Analysis.Users;

/// <summary>The outcome of <see cref="UserBehaviourAnalyzer.Analyze"/>: user profiles, segments, and recommendations on demand.</summary>
/// <remarks>
/// <para>Privacy: unless <see cref="UserBehaviourOptions.RawUserIds"/> was set, every user shown by this object
/// (<see cref="UserProfile.User"/>) is a salted pseudonym, and <see cref="UserBehaviourReport"/> writes only those.
/// The raw ids are held in memory only so that <see cref="Recommend"/> and <see cref="FindProfile"/> can be called
/// with them; no member returns them.</para>
/// <para>Immutable after construction and safe to read from several threads.</para>
/// </remarks>
public sealed class UserBehaviourResult
{
    private readonly UserPostColumns _columns;
    private readonly IReadOnlyList<string> _rawIds;
    private readonly Dictionary<string, int> _byRawId;
    private readonly Dictionary<string, int> _byShownId;

    internal UserBehaviourResult(
        string? sourcePath,
        UserPostColumns columns,
        IReadOnlyList<string> rawIds,
        IReadOnlyList<UserProfile> profiles,
        IReadOnlyList<UserSegment> segments,
        IReadOnlyList<float[]> segmentationVectors,
        IReadOnlyList<string> segmentationBlocks,
        IReadOnlyList<ChartPoint> projection,
        IReadOnlyList<ClusterCountScore> scores,
        ClusterCountScore chosen,
        bool automatic,
        PostEmbeddings embeddings,
        bool pseudonymised,
        int usersBelowMinimum,
        int postsWithoutUser)
    {
        SourcePath = sourcePath;
        _columns = columns;
        Profiles = profiles;
        Segments = segments;
        SegmentationVectors = segmentationVectors;
        SegmentationBlocks = segmentationBlocks;
        Projection = projection;
        SegmentCountScores = scores;
        ChosenSegmentCount = chosen;
        SegmentCountChosenAutomatically = automatic;
        Embeddings = embeddings;
        IdsArePseudonymised = pseudonymised;
        UsersBelowMinimum = usersBelowMinimum;
        PostsWithoutUser = postsWithoutUser;
        _rawIds = rawIds;
        _byRawId = rawIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _byShownId = profiles.Select((p, i) => (p.User, i)).ToDictionary(x => x.User, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The analysed file, or <c>null</c> for posts held in memory.</summary>
    public string? SourcePath { get; }

    /// <summary>The column the users came from.</summary>
    public string UserColumn => _columns.UserColumn;

    /// <summary>The label column summarised as label tendency, or <c>null</c>.</summary>
    public string? LabelColumn => _columns.LabelColumn;

    /// <summary>The timestamp column the rhythm came from, or <c>null</c> when the data has none.</summary>
    public string? TimeColumn => _columns.TimeColumn;

    /// <summary>The numeric columns summarised as engagement.</summary>
    public IReadOnlyList<string> EngagementColumns => _columns.Numbers.Keys.ToArray();

    /// <summary>The categorical columns summarised as topics.</summary>
    public IReadOnlyList<string> CategoryColumns => _columns.Categories.Keys.ToArray();

    /// <summary>Every profiled user, most posts first (ties in pseudonym order).</summary>
    public IReadOnlyList<UserProfile> Profiles { get; }

    /// <summary>The segments, largest first; <see cref="UserSegment.Number"/> is the position + 1.</summary>
    public IReadOnlyList<UserSegment> Segments { get; }

    /// <summary>The vector each profile was segmented on, in <see cref="Profiles"/> order.</summary>
    public IReadOnlyList<float[]> SegmentationVectors { get; }

    /// <summary>What the segmentation vectors are made of, one line per block.</summary>
    public IReadOnlyList<string> SegmentationBlocks { get; }

    /// <summary>Each profile's first two principal components of its segmentation vector, in <see cref="Profiles"/> order (for a 2-D map).</summary>
    public IReadOnlyList<ChartPoint> Projection { get; }

    /// <summary>Silhouette and Davies–Bouldin index of every segment count tried.</summary>
    public IReadOnlyList<ClusterCountScore> SegmentCountScores { get; }

    /// <summary>The scores of the segment count used.</summary>
    public ClusterCountScore ChosenSegmentCount { get; }

    /// <summary>Whether the segment count was chosen by the criterion (true) or given (false).</summary>
    public bool SegmentCountChosenAutomatically { get; }

    /// <summary>The fused embedding of every post of the data set, in row order.</summary>
    public PostEmbeddings Embeddings { get; }

    /// <summary>True when users are shown as salted pseudonyms; false when the caller asked for raw ids.</summary>
    public bool IdsArePseudonymised { get; }

    /// <summary>Users left out for having fewer than <see cref="UserBehaviourOptions.MinPostsPerUser"/> posts.</summary>
    public int UsersBelowMinimum { get; }

    /// <summary>Posts with an empty user cell (not profiled; they can still be recommended).</summary>
    public int PostsWithoutUser { get; }

    /// <summary>How many posts the profiled users wrote.</summary>
    public int ProfiledPosts => Profiles.Sum(p => p.PostCount);

    /// <summary>The profile of a user, given by raw id (as in the data) or by the id shown in <see cref="UserProfile.User"/>.</summary>
    /// <returns>The profile, or <c>null</c> when the user was not profiled.</returns>
    public UserProfile? FindProfile(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        int index = IndexOf(user.Trim());
        return index < 0 ? null : Profiles[index];
    }

    /// <summary>
    /// Posts closest (cosine of fused embeddings) to a user's profile embedding that the user did not post, best first
    /// (ties by row); by default copies of the user's posts and of posts already listed are skipped.
    /// </summary>
    /// <param name="user">The user's raw id (as in the data) or the id shown in <see cref="UserProfile.User"/>.</param>
    /// <param name="options">How many posts and which to leave out; <c>null</c> for the defaults (10 posts).</param>
    /// <exception cref="ArgumentException">The user has no profile (unknown id, or fewer posts than the minimum).</exception>
    public IReadOnlyList<PostRecommendation> Recommend(string user, RecommendationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        options ??= new RecommendationOptions();
        options.Validate();
        user = user.Trim();
        int index = IndexOf(user);
        if (index < 0)
        {
            throw new ArgumentException(
                $"User '{user}' has no profile: no post has that value in column '{UserColumn}' (ids are matched exactly), " +
                $"and it is not one of the {Profiles.Count:N0} profiled users' shown ids" +
                (UsersBelowMinimum > 0 ? $"; {UsersBelowMinimum:N0} users were left out for having too few posts." : "."),
                nameof(user));
        }

        var profile = Profiles[index];
        string rawId = _rawIds[index];
        var own = profile.Rows.ToHashSet();
        var centre = profile.Embedding.ToArray();
        double centreNorm = Math.Sqrt(centre.Sum(v => (double)v * v));
        var scored = new List<PostRecommendation>();
        for (int row = 0; row < Embeddings.Vectors.Count; row++)
        {
            if (own.Contains(row) || (options.ExcludeMentionsOfUser && PostTokens.Mentions(_columns.Texts[row], rawId)))
            {
                continue;
            }

            var v = Embeddings.Vectors[row];
            double dot = 0, norm = 0;
            for (int i = 0; i < v.Length; i++)
            {
                dot += v[i] * (double)centre[i];
                norm += v[i] * (double)v[i];
            }

            double cosine = norm == 0 || centreNorm == 0 ? 0 : dot / (Math.Sqrt(norm) * centreNorm);
            scored.Add(new PostRecommendation(row, _columns.PostIds[row], cosine));
        }

        var ranked = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row);
        if (!options.SkipDuplicateTexts)
        {
            return ranked.Take(options.Top).ToArray();
        }

        var seen = profile.Rows.Select(r => _columns.DuplicateKeys[r]).Where(k => k.Count > 0).ToList();
        var chosen = new List<PostRecommendation>(options.Top);
        foreach (var candidate in ranked)
        {
            var key = _columns.DuplicateKeys[candidate.Row];
            if (key.Count > 0 && seen.Any(other => IsCopy(key, other)))
            {
                continue;
            }

            chosen.Add(candidate);
            if (key.Count > 0)
            {
                seen.Add(key);
            }

            if (chosen.Count == options.Top)
            {
                break;
            }
        }

        return chosen;
    }

    private static bool IsCopy(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        int shared = a.Count(b.Contains);
        return shared >= RecommendationOptions.CopySimilarity * (a.Count + b.Count - shared);
    }

    private int IndexOf(string user) =>
        _byRawId.TryGetValue(user, out int index) ? index : _byShownId.TryGetValue(user, out index) ? index : -1;
}
