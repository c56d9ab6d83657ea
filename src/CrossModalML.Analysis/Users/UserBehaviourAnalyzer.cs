using System.Globalization;
using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;
using CrossModalML.Data;
using CrossModalML.Privacy;
using Microsoft.ML;

namespace CrossModalML.Analysis.Users;

/// <summary>
/// Profiles the users of a post table from their posts, segments them by behaviour with the number of segments chosen
/// automatically, describes each segment, and recommends posts to users.
/// </summary>
/// <remarks>
/// <para>A profile holds the mean of the user's fused post embeddings (<see cref="PostEmbedder"/>), label tendency,
/// topics (hashtags, categorical columns, typical terms), activity rhythm (hour-of-day and day-of-week histograms,
/// weekend share, circular mean hour, from the timestamp column in UTC) and engagement (mean and median of every
/// numeric column).</para>
/// <para>Segments are k-means clusters (<see cref="AutoKMeans"/>) of segmentation vectors built from the blocks in
/// <see cref="UserBehaviourOptions.SegmentFeatures"/>; see <see cref="UserProfileFeatures"/> for what each block holds and
/// how it is scaled. Segments are numbered by size, largest first.</para>
/// <para>Privacy: users are shown as salted pseudonyms unless <see cref="UserBehaviourOptions.RawUserIds"/> is set.
/// Deterministic for a given salt and seed; with the default random salt only the pseudonyms change between runs.</para>
/// </remarks>
public static class UserBehaviourAnalyzer
{
    /// <summary>Profiles, segments and describes the users of <paramref name="posts"/>.</summary>
    /// <param name="mlContext">The context the embeddings are fitted in.</param>
    /// <param name="posts">Posts with a user column (and ideally text, a timestamp and numeric columns).</param>
    /// <param name="options">Settings; <c>null</c> for the documented defaults.</param>
    /// <param name="progress">Receives one line per stage; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Checked between stages and between clustering fits.</param>
    /// <exception cref="ArgumentException">The data has no user column (or the named one is missing), or too few users
    /// for the number of segments.</exception>
    public static UserBehaviourResult Analyze(
        MLContext mlContext,
        PostDataset posts,
        UserBehaviourOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(posts);
        options ??= new UserBehaviourOptions();
        options.Validate();

        string userColumn = FindUserColumn(posts, options.UserColumn);
        var columns = new UserPostColumns(posts, userColumn);
        var groups = Enumerable.Range(0, columns.RowCount)
            .Where(r => columns.Users[r].Length > 0)
            .GroupBy(r => columns.Users[r], StringComparer.Ordinal)
            .ToList();
        int postsWithoutUser = columns.Users.Count(u => u.Length == 0);
        var kept = groups.Where(g => g.Count() >= options.MinPostsPerUser).ToList();
        int needed = Math.Max(options.SegmentCount ?? options.Segmentation.MinClusters, 2) + 1;
        if (kept.Count < needed)
        {
            throw new ArgumentException(
                $"Only {kept.Count:N0} users in column '{userColumn}' have at least {options.MinPostsPerUser} post(s) " +
                $"({groups.Count:N0} users in all); segmenting needs at least {needed}. Lower MinPostsPerUser or the number of segments.");
        }

        var hasher = options.PseudonymSalt is null ? UserIdHasher.CreateRandom() : UserIdHasher.FromSecret(options.PseudonymSalt);
        var shown = kept.ToDictionary(g => g.Key, g => options.RawUserIds ? g.Key : hasher.Hash(g.Key), StringComparer.Ordinal);
        if (shown.Values.Distinct(StringComparer.Ordinal).Count() != shown.Count)
        {
            throw new InvalidOperationException("Two users received the same pseudonym; run again with another PseudonymSalt.");
        }

        // Segments are computed in raw-id order, so that they do not depend on the salt; results are shown most posts
        // first, then by shown id, an order that reveals nothing the pseudonyms hide.
        kept = kept.OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shownOrder = Enumerable.Range(0, kept.Count)
            .OrderByDescending(u => kept[u].Count()).ThenBy(u => shown[kept[u].Key], StringComparer.Ordinal).ToArray();
        var rawIds = kept.Select(g => g.Key).ToArray();
        var userRows = kept.Select(g => (IReadOnlyList<int>)g.ToArray()).ToArray();

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Embedding {posts.RowCount:N0} posts (text, image and metadata blocks) …"));
        cancellationToken.ThrowIfCancellationRequested();
        var embeddings = PostEmbedder.Embed(mlContext, posts, options.Embedding);

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Profiling {kept.Count:N0} users from column '{userColumn}' …"));
        cancellationToken.ThrowIfCancellationRequested();
        var terms = new TermIndex(columns.Words);
        var profiles = userRows.Select((rows, u) => new UserProfile(
            shown[rawIds[u]],
            rows,
            embeddings.Mean(rows),
            columns.LabelShares(rows),
            columns.HashtagShares(rows, options.TopHashtags),
            columns.CategoryShares(rows),
            terms.Top(rows, options.TopTerms),
            columns.Rhythm(rows),
            columns.Engagement(rows))).ToArray();

        var vocabulary = Enumerable.Range(0, userRows.Length)
            .SelectMany(u => userRows[u].SelectMany(r => columns.Hashtags[r]).Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(options.HashtagVocabulary).Select(g => g.Key).ToArray();
        var (vectors, blocks) = ProfileVectorBuilder.Build(columns, userRows, embeddings, vocabulary, options);

        var clusteringOptions = options.SegmentCount is { } fixedCount
            ? new ClusteringOptions
            {
                MinClusters = fixedCount,
                MaxClusters = fixedCount,
                Seed = options.Segmentation.Seed,
                SilhouetteSampleSize = options.Segmentation.SilhouetteSampleSize,
            }
            : options.Segmentation;
        progress?.Report(options.SegmentCount is null
            ? $"Segmenting users: k-means for {clusteringOptions.MinClusters} to {Math.Min(clusteringOptions.MaxClusters, vectors.Length - 1)} segments, chosen by {clusteringOptions.Criterion} …"
            : $"Segmenting users into {options.SegmentCount} segments …");
        var clustering = AutoKMeans.Fit(vectors, clusteringOptions, cancellationToken);

        // Number segments by size, largest first (ties by first member), so segment 1 is always the biggest.
        var order = Enumerable.Range(0, clustering.ClusterCount)
            .OrderByDescending(c => clustering.Sizes[c])
            .ThenBy(c => clustering.Assignments.ToList().IndexOf(c))
            .ToArray();
        var numberOf = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            numberOf[order[i]] = i + 1;
        }

        for (int u = 0; u < profiles.Length; u++)
        {
            profiles[u].Segment = numberOf[clustering.Assignments[u]];
        }

        var allRows = userRows.SelectMany(r => r).ToArray();
        var describer = new SegmentDescriber(columns, terms, allRows, options);
        var segments = Enumerable.Range(1, order.Length).Select(number =>
        {
            var members = profiles.Where(p => p.Segment == number).ToArray();
            return describer.Describe(number, members.Length, members.SelectMany(p => p.Rows).ToArray());
        }).ToArray();

        var projection = PrincipalProjection.TwoDimensions(vectors);
        return new UserBehaviourResult(
            posts.SourcePath,
            columns,
            shownOrder.Select(u => rawIds[u]).ToArray(),
            shownOrder.Select(u => profiles[u]).ToArray(),
            segments,
            shownOrder.Select(u => vectors[u]).ToArray(),
            blocks,
            shownOrder.Select(u => projection[u]).ToArray(),
            clustering.Scores,
            clustering.Chosen,
            options.SegmentCount is null,
            embeddings,
            pseudonymised: !options.RawUserIds,
            groups.Count - kept.Count,
            postsWithoutUser);
    }

    private static string FindUserColumn(PostDataset posts, string? requested)
    {
        string Columns() => string.Join(", ", posts.Columns.Select(c => $"'{c.Name}' ({c.Role})"));
        if (requested is not null)
        {
            var column = posts.Columns.FirstOrDefault(c => c.Name == requested)
                ?? throw new ArgumentException($"The data has no column '{requested}' to read users from. Its columns are: {Columns()}.", nameof(requested));
            if (column.Role is not (ColumnRole.User or ColumnRole.Ignore or ColumnRole.Id))
            {
                throw new ArgumentException(
                    $"Column '{requested}' was loaded with role {column.Role}, so the post embeddings would learn from the user ids. " +
                    $"Load it with PostLoadOptions.RoleOverrides[\"{requested}\"] = ColumnRole.User.", nameof(requested));
            }

            return requested;
        }

        return posts.Columns.FirstOrDefault(c => c.Role == ColumnRole.User)?.Name
            ?? throw new ArgumentException(
                $"The data has no user column (no column has the User role). Its columns are: {Columns()}. " +
                "Name the column that holds each post's author with UserBehaviourOptions.UserColumn.");
    }
}
