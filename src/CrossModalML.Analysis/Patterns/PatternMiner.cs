using System.Text.RegularExpressions;
using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Embedding;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Privacy;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Analysis.Patterns;

/// <summary>
/// Finds the hidden structure of a set of posts: clusters on fused text, image and metadata vectors (with the number
/// of clusters chosen automatically), text topics (LDA), what marks each cluster (terms, hashtags, representative
/// posts and images, labels, modalities) and the interaction graph of mentions and retweets (communities, central
/// accounts).
/// </summary>
/// <remarks>
/// <para>Deterministic for the seeds in <see cref="PatternOptions"/>, except pseudonyms, whose salt is random per run
/// unless <see cref="PatternOptions.PseudonymSalt"/> is given. Everything is fitted on the posts given and describes
/// them; nothing is a model for new posts.</para>
/// <para>The clustered vector has one block per modality, each with the same weight (see <see cref="PostEmbedder"/>).
/// By default the text block is each post's topic mix: in short posts two texts on the same subject rarely share a
/// word, so k-means on single posts' word vectors finds partitions unrelated to subject, while the topic mix pools
/// co-occurring words over all posts.</para>
/// <para>Stateless and thread-safe: concurrent calls are independent (each fits in the given context).</para>
/// </remarks>
public static partial class PatternMiner
{
    /// <summary>Mines <paramref name="posts"/>.</summary>
    /// <param name="mlContext">The context to fit in.</param>
    /// <param name="posts">At least <see cref="PatternOptions.MinimumPosts"/> posts. A label column, if loaded, is counted per cluster, never clustered on.</param>
    /// <param name="options">Settings; <c>null</c> for the defaults.</param>
    /// <param name="progress">Receives one line per stage.</param>
    /// <param name="cancellationToken">Stops between stages and between cluster counts.</param>
    /// <exception cref="ArgumentException">Too few posts; topics asked for but no text column; a named column is missing;
    /// no column of the chosen modalities.</exception>
    public static PatternResult Mine(MLContext mlContext, PostDataset posts, PatternOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(posts);
        options ??= new PatternOptions();
        options.Validate(posts.RowCount);

        string? textColumn = ResolveColumn(posts, options.TextColumn, ColumnRole.Text, nameof(PatternOptions.TextColumn));
        string? userColumn = ResolveColumn(posts, options.UserColumn, ColumnRole.User, nameof(PatternOptions.UserColumn));
        if (options.Topics.TopicCount > 0 && textColumn is null)
        {
            throw new ArgumentException(
                "Text topics need a text column, and this data set has none (columns: " +
                string.Join(", ", posts.Columns.Select(c => $"{c.Name} ({c.Role})")) +
                "). Give a column the Text role, or set PatternOptions.Topics.TopicCount to 0 to cluster without topics.");
        }

        var texts = textColumn is null ? Enumerable.Repeat(string.Empty, posts.RowCount).ToArray() : posts.GetColumnValues(textColumn);
        TopicModel? topics = null;
        if (options.Topics.TopicCount > 0)
        {
            progress?.Report($"Fitting {options.Topics.TopicCount} LDA topics on '{textColumn}' …");
            topics = TopicModel.Fit(mlContext, texts, options.Topics);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("Embedding posts (one balanced block per modality) …");
        var (vectors, blocks) = Embed(mlContext, posts, options, topics);

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(options.ClusterCount is { } fixedCount
            ? $"Clustering into {fixedCount} clusters …"
            : $"Clustering: trying {options.Clustering.MinClusters} to {options.Clustering.MaxClusters} clusters by {options.Clustering.Criterion} …");
        var clustering = options.ClusterCount is { } k
            ? AutoKMeans.Fit(vectors, new ClusteringOptions { MinClusters = k, MaxClusters = k, Seed = options.Clustering.Seed, SilhouetteSampleSize = options.Clustering.SilhouetteSampleSize }, cancellationToken)
            : AutoKMeans.Fit(vectors, options.Clustering, cancellationToken);

        var hasher = options.RawUserIds ? null : options.PseudonymSalt is null ? UserIdHasher.CreateRandom() : UserIdHasher.FromSecret(options.PseudonymSalt);

        // Handles are case-insensitive on most platforms, so "@Alice" and the author "alice" are one account.
        Func<string, string>? pseudonymizer = hasher is null ? null : id => hasher.Hash(id.ToLowerInvariant());
        var displayTexts = pseudonymizer is null
            ? texts.ToArray()
            : texts.Select(t => MentionParser.ReplaceMentions(t, pseudonymizer)).ToArray();

        InteractionGraph? graph = null;
        if (textColumn is not null)
        {
            progress?.Report("Building the interaction graph from mentions and retweets …");
            var authors = userColumn is null
                ? new string?[posts.RowCount]
                : posts.GetColumnValues(userColumn).Select(a => string.IsNullOrWhiteSpace(a) ? null : pseudonymizer?.Invoke(a.Trim()) ?? a.Trim()).ToArray();
            graph = InteractionGraph.Build(authors, displayTexts, options.Graph);
        }

        var ids = PostIds(posts);
        var labels = posts.LabelColumn is null ? null : posts.GetLabels();
        var clusters = Describe(posts, options, clustering, vectors, texts, topics, labels, ids);
        var map = Project2D(vectors);
        return new PatternResult(
            ids,
            clusters,
            clustering,
            blocks,
            map,
            topics,
            graph,
            posts.LabelColumn,
            labels?.Select(LabelName).Distinct().Order(StringComparer.Ordinal).ToArray() ?? [],
            displayTexts,
            pseudonymizer is not null);
    }

    private static string? ResolveColumn(PostDataset posts, string? requested, ColumnRole role, string optionName)
    {
        if (requested is not null)
        {
            if (!posts.Columns.Any(c => c.Name == requested))
            {
                throw new ArgumentException(
                    $"PatternOptions.{optionName} names the column '{requested}', which this data set lacks. Its columns are: {string.Join(", ", posts.Columns.Select(c => $"'{c.Name}'"))}.");
            }

            return requested;
        }

        return posts.Columns.FirstOrDefault(c => c.Role == role)?.Name;
    }

    private static (float[][] Vectors, List<EmbeddingBlock> Blocks) Embed(MLContext mlContext, PostDataset posts, PatternOptions options, TopicModel? topics)
    {
        var embedding = options.Embedding;
        var modalities = embedding.Featurizer.Modalities;
        bool topicBlock = topics is not null && options.TextFeatures == ClusterTextFeatures.TopicMixture && modalities.HasFlag(Modality.Text);
        if (topicBlock)
        {
            modalities &= ~Modality.Text;
        }

        var parts = new List<float[][]>();
        var blocks = new List<EmbeddingBlock>();
        if (topicBlock)
        {
            var mix = topics!.Mixtures.Select(m => (float[])m.Clone()).ToArray();
            PostEmbedder.Centre(mix, embedding.BalanceModalities);
            parts.Add(mix);
            blocks.Add(new EmbeddingBlock(Modality.Text, 0, mix[0].Length, mix[0].Length));
        }

        bool anyOther = new[] { Modality.Text, Modality.Image, Modality.Metadata }
            .Any(m => modalities.HasFlag(m) && posts.Columns.Any(c => PostEmbedder.Belongs(c.Role, m)));
        if (anyOther)
        {
            var rest = PostEmbedder.Embed(mlContext, posts, new PostEmbeddingOptions
            {
                Featurizer = new FeaturizerOptions { Modalities = modalities, Text = embedding.Featurizer.Text, Image = embedding.Featurizer.Image, Metadata = embedding.Featurizer.Metadata },
                TextDimensions = embedding.TextDimensions,
                ImageDimensions = embedding.ImageDimensions,
                MetadataDimensions = embedding.MetadataDimensions,
                BalanceModalities = embedding.BalanceModalities,
                Seed = embedding.Seed,
            });
            int offset = blocks.Sum(b => b.Length);
            blocks.AddRange(rest.Blocks.Select(b => b with { Offset = b.Offset + offset }));
            parts.Add(rest.Vectors.ToArray());
        }

        if (parts.Count == 0)
        {
            throw new ArgumentException(
                $"No column to cluster on with modalities '{embedding.Featurizer.Modalities}'. Columns: " +
                string.Join(", ", posts.Columns.Select(c => $"{c.Name} ({c.Role})")) + ".");
        }

        var vectors = new float[posts.RowCount][];
        for (int row = 0; row < vectors.Length; row++)
        {
            vectors[row] = parts.SelectMany(p => p[row]).ToArray();
        }

        foreach (var block in blocks.Where(b => b.Modality is Modality.Text or Modality.Image))
        {
            var missing = MissingRows(posts, block.Modality);
            if (missing.Any(m => m) && !missing.All(m => m))
            {
                PlaceMissingAtCentre(vectors, block, missing, embedding.BalanceModalities);
            }
        }

        return (vectors, blocks);
    }

    private static bool[] MissingRows(PostDataset posts, Modality modality)
    {
        var columns = posts.Columns.Where(c => PostEmbedder.Belongs(c.Role, modality)).Select(c => posts.GetColumnValues(c.Name)).ToArray();
        return Enumerable.Range(0, posts.RowCount).Select(i => columns.All(values => string.IsNullOrWhiteSpace(values[i]))).ToArray();
    }

    // A post without an image (or text) says nothing about that modality, so it sits at the centre of the posts that have
    // it. Left as the featurizer's zeros plus a missing flag, such posts lie far from all others and k-means gives them a
    // cluster of their own, which only restates which modality is missing (the report shows that per cluster anyway).
    private static void PlaceMissingAtCentre(float[][] vectors, EmbeddingBlock block, bool[] missing, bool balance)
    {
        var present = Enumerable.Range(0, vectors.Length).Where(i => !missing[i]).ToArray();
        var centre = new double[block.Length];
        foreach (int i in present)
        {
            for (int j = 0; j < block.Length; j++)
            {
                centre[j] += vectors[i][block.Offset + j] / (double)present.Length;
            }
        }

        double squares = 0;
        for (int i = 0; i < vectors.Length; i++)
        {
            for (int j = 0; j < block.Length; j++)
            {
                double v = missing[i] ? 0 : vectors[i][block.Offset + j] - centre[j];
                vectors[i][block.Offset + j] = (float)v;
                squares += v * v;
            }
        }

        double meanSquare = squares / vectors.Length;
        if (balance && meanSquare > 1e-18)
        {
            float scale = (float)(1 / Math.Sqrt(meanSquare));
            foreach (var row in vectors)
            {
                for (int j = 0; j < block.Length; j++)
                {
                    row[block.Offset + j] *= scale;
                }
            }
        }
    }

    private static List<PostCluster> Describe(
        PostDataset posts,
        PatternOptions options,
        ClusteringResult clustering,
        float[][] vectors,
        IReadOnlyList<string> texts,
        TopicModel? topics,
        IReadOnlyList<string>? labels,
        IReadOnlyList<string> ids)
    {
        var imageColumn = posts.Columns.FirstOrDefault(c => c.Role == ColumnRole.Image)?.Name;
        var images = imageColumn is null ? null : posts.GetColumnValues(imageColumn);
        var words = texts.Select(t => Words(t)).ToArray();
        var hashtags = texts.Select(t => Hashtags(t)).ToArray();
        var wordDocs = DocumentCounts(words);
        var tagDocs = DocumentCounts(hashtags);

        var clusters = new List<PostCluster>();
        for (int c = 0; c < clustering.ClusterCount; c++)
        {
            var rows = Enumerable.Range(0, posts.RowCount).Where(i => clustering.Assignments[i] == c).ToArray();
            var centre = clustering.Centroids[c];
            var byDistance = rows.OrderBy(i => ClusterQuality.SquaredDistance(vectors[i], centre)).ThenBy(i => i).ToArray();
            var representative = byDistance.Take(options.RepresentativePosts).ToArray();
            var representativeImages = images is null ? [] : DistinctImages(byDistance.Select(i => images[i]), options.RepresentativePosts);
            var labelCounts = labels is null
                ? new Dictionary<string, int>()
                : rows.GroupBy(i => LabelName(labels[i])).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            int withText = rows.Count(i => texts[i].Trim().Length > 0);
            int withImage = images is null ? 0 : rows.Count(i => images[i].Length > 0);
            int withBoth = images is null ? 0 : rows.Count(i => images[i].Length > 0 && texts[i].Trim().Length > 0);
            int dominant = topics is null
                ? -1
                : rows.Select(i => topics.DominantTopics[i]).Where(t => t >= 0).GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).DefaultIfEmpty(-1).First();
            clusters.Add(new PostCluster(
                c,
                rows.Length,
                MarkingTerms(rows, words, wordDocs, posts.RowCount, options.TermsPerCluster),
                MarkingTerms(rows, hashtags, tagDocs, posts.RowCount, options.TermsPerCluster),
                dominant,
                representative,
                representative.Select(i => ids[i]).ToArray(),
                representativeImages,
                labelCounts,
                new ModalityCoverage(rows.Length, withText, withImage, withBoth)));
        }

        return clusters;
    }

    // Posts often share an image (a retweet, a reused picture), so the posts nearest the centre can all show one picture.
    // Images are taken in order of closeness and kept only when neither their path nor their bytes were kept already.
    internal static string[] DistinctImages(IEnumerable<string> pathsByCloseness, int count)
    {
        var kept = new List<string>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var contents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in pathsByCloseness)
        {
            if (kept.Count == count)
            {
                break;
            }

            if (path.Length == 0 || !paths.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            // An unreadable file is still listed (the report skips missing files), keyed by its path alone.
            string content = File.Exists(path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) : path;
            if (contents.Add(content))
            {
                kept.Add(path);
            }
        }

        return [.. kept];
    }

    private static string LabelName(string label) => string.IsNullOrWhiteSpace(label) ? "(none)" : label;

    private static IReadOnlyList<string> PostIds(PostDataset posts)
    {
        var idColumn = posts.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
        return idColumn is null
            ? posts.LineNumbers.Select(n => $"line {n}").ToArray()
            : posts.GetColumnValues(idColumn);
    }

    // Terms frequent in the cluster and rarer elsewhere: share in the cluster × ln(lift), at least two posts holding it.
    private static List<WeightedTerm> MarkingTerms(int[] rows, HashSet<string>[] termsByPost, Dictionary<string, int> documents, int total, int count)
    {
        var inCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int row in rows)
        {
            foreach (var term in termsByPost[row])
            {
                inCluster[term] = inCluster.GetValueOrDefault(term) + 1;
            }
        }

        return inCluster
            .Where(t => t.Value >= 2)
            .Select(t =>
            {
                double share = t.Value / (double)rows.Length;
                double lift = share / (documents[t.Key] / (double)total);
                return new WeightedTerm(t.Key, share * Math.Log(lift), t.Value);
            })
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private static Dictionary<string, int> DocumentCounts(HashSet<string>[] termsByPost)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in termsByPost)
        {
            foreach (var term in terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return counts;
    }

    // Stop words ("the", "from", "that", …) are common in every cluster, but in small clusters chance alone lifts them
    // above their overall rate, so they are left out of the marking terms (see StopWords).
    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(SocialTokens.Replace(MentionParser.StripAccountsAndLinks(text), SocialTokenKind.Hashtag, _ => " "))
            .Select(m => m.Value.ToLowerInvariant())
            .Where(w => !StopWords.IsStopWord(w))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Hashtags(string text) =>
        SocialTokens.Hashtags(text).Select(tag => tag.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    // First two principal components, each signed so its largest loading is positive (a stable picture across runs).
    private static (double X, double Y)[] Project2D(float[][] vectors)
    {
        int n = vectors.Length, d = vectors[0].Length;
        var x = Matrix<double>.Build.Dense(n, d, (i, j) => vectors[i][j]);
        var means = x.ColumnSums() / n;
        for (int i = 0; i < n; i++)
        {
            x.SetRow(i, x.Row(i) - means);
        }

        var evd = (x.TransposeThisAndMultiply(x) / Math.Max(1, n - 1)).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        Vector<double> Axis(int rank)
        {
            if (rank >= d)
            {
                return Vector<double>.Build.Dense(d);
            }

            var v = evd.EigenVectors.Column(order[rank]);
            return v[v.AbsoluteMaximumIndex()] < 0 ? -v : v;
        }

        var first = Axis(0);
        var second = Axis(1);
        return Enumerable.Range(0, n).Select(i => (x.Row(i).DotProduct(first), x.Row(i).DotProduct(second))).ToArray();
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’]+\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
