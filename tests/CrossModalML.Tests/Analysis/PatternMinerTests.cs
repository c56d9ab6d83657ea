using CrossModalML.Analysis;
using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Patterns;
using CrossModalML.Data;
using CrossModalML.Demo;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class PatternMinerTests
{
    private const int SubsetSize = 900;

    private static readonly Lazy<DemoGroundTruth> Truth = new(() =>
    {
        using var temp = new TempDirectory();
        return DemoDataGenerator.Generate(temp.Path).GroundTruth;
    });

    // The demo posts with the planted topic as the label (counted per cluster, never clustered on) and the sentiment left out.
    private static readonly Lazy<PostDataset> Demo = new(() => PostDatasetLoader.Load(
        RepositoryPaths.DemoPosts,
        new PostLoadOptions { LabelColumn = "topic", RoleOverrides = new Dictionary<string, ColumnRole> { ["sentiment"] = ColumnRole.Ignore } }));

    private static readonly Lazy<PostDataset> Subset = new(() => Demo.Value.Select(Enumerable.Range(0, SubsetSize).ToArray()));

    // Image-only clusters of the subset, shared by the tests that look at clusters.
    private static readonly Lazy<PatternResult> ImageClusters = new(() =>
    {
        var options = new PatternOptions { Topics = { TopicCount = 0 }, PseudonymSalt = "test-salt" };
        options.Embedding.Featurizer.Modalities = Modality.Image;
        return PatternMiner.Mine(new MLContext(seed: 1), Subset.Value, options);
    });

    [TestMethod]
    public void Fused_clusters_and_lda_topics_recover_the_planted_topics()
    {
        var topics = Demo.Value.GetLabels();

        var result = PatternMiner.Mine(new MLContext(seed: 1), Demo.Value, new PatternOptions { ClusterCount = 5, Topics = { TopicCount = 5 }, PseudonymSalt = "test-salt" });

        // Rule 2 of datasets/README.md makes the topic readable from the text: a topic subject always, a topic hashtag
        // with p = 0.75. But every post also opens with one of a few stock phrases shared by all topics, which competes
        // with the topic for each post's words, so an unsupervised topic model cannot be perfect: measured ARI of each
        // post's largest topic 0.47 (chance 0; LDA without hashtag weighting and word cleaning gives 0.10).
        var model = result.Topics!;
        double topicAri = ClusterQuality.AdjustedRandIndex(model.DominantTopics, topics);
        Assert.IsTrue(topicAri > 0.3, $"ARI of each post's largest LDA topic vs the planted topic: {topicAri:0.000}");
        Assert.IsTrue(model.Mixtures.All(m => Math.Abs(m.Sum() - 1) < 1e-3), "every demo post has words, so every topic mix sums to 1");
        Assert.IsFalse(model.Topics.SelectMany(t => t.Terms).Any(t => t.Term.StartsWith('u') && t.Term.Skip(1).All(char.IsDigit)), "mentions (@u016) are not topic terms");

        // The fused vector also holds the image (whose style follows sentiment, rule 1) and metadata (hour and likes,
        // which follow the user type and so the topic only loosely), each with the text's weight, so clusters follow
        // the topic less closely than the text alone does, yet clearly: measured ARI 0.41.
        double clusterAri = ClusterQuality.AdjustedRandIndex(result.Assignments, topics);
        Assert.IsTrue(clusterAri > 0.25, $"ARI of fused clusters vs the planted topic: {clusterAri:0.000}");
        Assert.IsTrue(result.Clusters.All(c => c.TopHashtags.Count > 0));
    }

    [TestMethod]
    public void Image_clusters_recover_the_planted_image_styles()
    {
        // Rule 1 draws every image in one of four styles: warm and bright with a sun (positive), dark blue/grey with rain
        // (negative), muted grey with rectangles (neutral), or random shapes on a mid-colour background (no image cue).
        // The topic glyph is a 7–10 px corner mark, too weak to expect, so the image modality should give the styles.
        var truth = Truth.Value.Posts.Take(SubsetSize).ToArray();
        var result = ImageClusters.Value;
        var rows = Enumerable.Range(0, SubsetSize).Where(i => truth[i].HasImage).ToArray();
        var style = rows.Select(i => truth[i].CueChannel == SentimentCueChannel.Text ? "none" : truth[i].CleanSentiment).ToArray();

        // Measured: ARI 0.40 with 9 clusters (silhouette picks more clusters than styles: the uninformative images vary
        // in hue and the 15 % of sentiment motifs on uninformative backgrounds sit between styles).
        double ari = ClusterQuality.AdjustedRandIndex(rows.Select(i => result.Assignments[i]).ToArray(), style);
        Assert.IsTrue(ari > 0.25, $"ARI of image-only clusters vs the planted image style: {ari:0.000} with {result.Clusters.Count} clusters");
    }

    [TestMethod]
    public void Label_and_modality_counts_add_up_per_cluster()
    {
        var result = ImageClusters.Value;
        var images = Subset.Value.GetColumnValues("image");

        Assert.AreEqual(SubsetSize, result.Clusters.Sum(c => c.Size));
        foreach (var cluster in result.Clusters)
        {
            Assert.AreEqual(cluster.Size, cluster.LabelCounts.Values.Sum(), $"cluster {cluster.Id}");
            Assert.AreEqual(result.Assignments.Count(a => a == cluster.Id), cluster.Size);
            int withImage = Enumerable.Range(0, SubsetSize).Count(i => result.Assignments[i] == cluster.Id && images[i].Length > 0);
            Assert.AreEqual(withImage, cluster.Modalities.WithImage, $"cluster {cluster.Id}");
            Assert.IsTrue(cluster.RepresentativeImages.All(p => File.Exists(p)) && cluster.RepresentativeImages.Count > 0);
            Assert.IsTrue(cluster.RepresentativeRows.All(r => result.Assignments[r] == cluster.Id));
        }

        CollectionAssert.AreEquivalent(new[] { "food", "music", "sports", "tech", "travel" }, result.Labels.ToArray());
    }

    [TestMethod]
    public void Mention_communities_follow_the_planted_friendships_and_types()
    {
        var truth = Truth.Value;
        var graph = InteractionGraph.Build(Demo.Value.GetColumnValues("user_id"), Demo.Value.GetColumnValues("text"));
        var community = graph.Accounts.ToDictionary(a => a.User, a => a.Community);
        var users = community.Keys.ToArray();

        // Rule 3: each user has 3 friends (same type with p = 0.7), and 80 % of mentions go to a friend. So friends should
        // mostly share a community, far more often than two users picked by chance do (Σ (size/n)² ≈ 0.1).
        var friendPairs = truth.Users.SelectMany(u => u.Friends.Select(f => (u.Id, Friend: f))).Where(p => community.ContainsKey(p.Id) && community.ContainsKey(p.Friend)).ToList();
        double together = friendPairs.Count(p => community[p.Id] == community[p.Friend]) / (double)friendPairs.Count;
        double chance = graph.Communities.Sum(c => Math.Pow(c.Size / (double)users.Length, 2));
        Assert.IsTrue(together > 3 * chance, $"share of friend pairs in one community {together:0.000}, chance {chance:0.000}");

        // Friends are mostly of one type, so communities should be purer in user type than the same community sizes
        // filled at random (measured 0.61 against about 0.45).
        double Purity(IReadOnlyDictionary<string, int> membership) =>
            membership.GroupBy(m => m.Value).Sum(g => g.GroupBy(m => truth.UserTypes[m.Key]).Max(t => t.Count())) / (double)membership.Count;
        var shuffled = users.ToArray();
        new Random(1).Shuffle(shuffled);
        var random = users.Select((u, i) => (u, c: community[shuffled[i]])).ToDictionary(x => x.u, x => x.c);
        Assert.IsTrue(Purity(community) > Purity(random) + 0.1, $"type purity {Purity(community):0.000} vs shuffled {Purity(random):0.000}");
        Assert.IsTrue(graph.Modularity > 0.3, $"modularity {graph.Modularity:0.000}");
    }

    [TestMethod]
    public void Most_central_accounts_are_the_most_mentioned_and_the_heaviest_posters()
    {
        var truth = Truth.Value;
        var graph = InteractionGraph.Build(Demo.Value.GetColumnValues("user_id"), Demo.Value.GetColumnValues("text"));
        var posts = truth.Users.Select(u => u.PostCount).Order().ToArray();
        double postQuartile = posts[(int)(0.75 * posts.Length)];

        // PageRank flows to accounts that others name (and more so when those others are named themselves), so it should
        // rank accounts much as the count of times they are mentioned does, and put the most mentioned near the top.
        // Weighted degree also counts the mentions an account makes, which grow with its posts (each post mentions
        // someone with p = 0.3), so the top accounts by degree should be heavy posters.
        var byPageRank = graph.Accounts.ToArray();
        var byMentioned = byPageRank.OrderByDescending(a => a.TimesMentioned).ToArray();
        Assert.IsTrue(byMentioned.Take(3).Contains(byPageRank[0]), $"the top account by PageRank, {byPageRank[0].User}, is mentioned {byPageRank[0].TimesMentioned} times; the most: {byMentioned[0].TimesMentioned}");
        double rho = Spearman(byPageRank.Select(a => a.PageRank).ToArray(), byPageRank.Select(a => a.TimesMentioned).ToArray());
        Assert.IsTrue(rho > 0.6, $"rank correlation of PageRank and times mentioned {rho:0.000}");

        foreach (var account in graph.Accounts.OrderByDescending(a => a.WeightedDegree).Take(5))
        {
            int planted = truth.Users.Single(u => u.Id == account.User).PostCount;
            Assert.AreEqual(planted, account.Posts, $"{account.User}'s post count");
            Assert.IsTrue(planted >= postQuartile, $"{account.User} by degree wrote {planted} posts; the top quartile starts at {postQuartile}");
        }
    }

    private static double Spearman(double[] x, double[] y)
    {
        static double[] Ranks(double[] v)
        {
            var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
            var ranks = new double[v.Length];
            for (int start = 0; start < order.Length;)
            {
                int end = start;
                while (end + 1 < order.Length && v[order[end + 1]] == v[order[start]])
                {
                    end++;
                }

                for (int i = start; i <= end; i++)
                {
                    ranks[order[i]] = (start + end) / 2.0;
                }

                start = end + 1;
            }

            return ranks;
        }

        var (rx, ry) = (Ranks(x), Ranks(y));
        double mx = rx.Average(), my = ry.Average();
        double cov = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
    }

    [TestMethod]
    public void User_ids_are_pseudonymised_with_the_salt_unless_raw_ids_are_asked_for()
    {
        var options = new PatternOptions { Topics = { TopicCount = 0 }, ClusterCount = 3, PseudonymSalt = "test-salt" };
        options.Embedding.Featurizer.Modalities = Modality.Metadata;
        var small = Demo.Value.Select(Enumerable.Range(0, 300).ToArray());

        var first = PatternMiner.Mine(new MLContext(seed: 1), small, options).Graph!;
        var again = PatternMiner.Mine(new MLContext(seed: 1), small, options).Graph!;
        options.RawUserIds = true;
        var raw = PatternMiner.Mine(new MLContext(seed: 1), small, options).Graph!;

        Assert.IsTrue(first.Users.All(u => u.StartsWith("user_", StringComparison.Ordinal) && u.Length == 21), string.Join(", ", first.Users.Where(u => !(u.StartsWith("user_", StringComparison.Ordinal) && u.Length == 21)).Take(5)));
        CollectionAssert.AreEqual(first.Users.ToArray(), again.Users.ToArray(), "the same salt gives the same pseudonyms");
        Assert.IsTrue(raw.Users.All(u => u.StartsWith('u') && !u.StartsWith("user_", StringComparison.Ordinal)));
        Assert.AreEqual(raw.TotalWeight, first.TotalWeight, "pseudonyms keep every edge: mentions are renamed like authors");
        Assert.AreEqual(raw.Communities.Count, first.Communities.Count);
    }

    [TestMethod]
    public void Report_renders_charts_and_copies_representative_images_without_raw_ids()
    {
        using var temp = new TempDirectory();
        var result = ImageClusters.Value;

        var path = PatternReport.Build(result, imagesPerCluster: 2).Save(temp.Path);

        var markdown = File.ReadAllText(path);
        foreach (var chart in new[] { "cluster-map.png", "cluster-sizes.png", "labels-by-cluster.png" })
        {
            Assert.IsTrue(new FileInfo(Path.Combine(temp.Path, chart)).Length > 2000, chart);
        }

        Assert.AreEqual(result.Clusters.Sum(c => Math.Min(2, c.RepresentativeImages.Count)), Directory.GetFiles(temp.Path).Count(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), @"^cluster\d+-\d+\.png$")));
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(markdown, @"\bu\d{3}\b"), "no raw user id (u001 …) in the report");
        StringAssert.Contains(markdown, "@user_");
        Assert.IsFalse(markdown.Contains(RepositoryPaths.Root, StringComparison.Ordinal), "no local paths in the report");
    }

    [TestMethod]
    public void Top_terms_leave_out_the_documented_stop_words()
    {
        var terms = ImageClusters.Value.Clusters.SelectMany(c => c.TopTerms).Select(t => t.Term).ToList();

        Assert.IsNotEmpty(terms);
        Assert.IsFalse(terms.Any(StopWords.IsStopWord), "stop words among top terms: " + string.Join(", ", terms.Where(StopWords.IsStopWord)));
        Assert.IsTrue(StopWords.IsStopWord("The") && StopWords.IsStopWord("from") && StopWords.IsStopWord("that's") && StopWords.IsStopWord("don’t"));
        Assert.IsFalse(StopWords.IsStopWord("theme") || StopWords.IsStopWord("people's"));
    }

    [TestMethod]
    public void Representative_images_skip_repeated_paths_and_repeated_pictures()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("a.png"), [1, 2, 3]);
        File.WriteAllBytes(temp.File("copy-of-a.png"), [1, 2, 3]);
        File.WriteAllBytes(temp.File("b.png"), [4, 5, 6]);
        File.WriteAllBytes(temp.File("c.png"), [7, 8, 9]);

        var images = PatternMiner.DistinctImages([temp.File("a.png"), temp.File("a.png"), "", temp.File("copy-of-a.png"), temp.File("b.png"), temp.File("c.png")], 2);

        CollectionAssert.AreEqual(new[] { temp.File("a.png"), temp.File("b.png") }, images);
        foreach (var cluster in ImageClusters.Value.Clusters)
        {
            Assert.AreEqual(cluster.RepresentativeImages.Count, cluster.RepresentativeImages.Distinct().Count(), $"cluster {cluster.Id} repeats an image");
        }
    }

    [TestMethod]
    public void A_cluster_count_at_the_top_of_the_range_comes_with_a_warning_naming_the_option()
    {
        var (points, _) = ClusteringTests.Blobs([(0f, 0f), (8f, 0f), (0f, 8f), (8f, 8f)], perBlob: 40, seed: 3);
        PatternResult Result(int maxClusters) => new(
            [], [], AutoKMeans.Fit(points, new ClusteringOptions { MaxClusters = maxClusters }), [], [], null, null, null, [], [], usersPseudonymized: true);

        var cut = Result(3);
        var wide = Result(8);

        Assert.HasCount(1, cut.Warnings);
        StringAssert.Contains(cut.Warnings[0], "the largest tried (2–3)");
        StringAssert.Contains(cut.Warnings[0], "PatternOptions.Clustering.MaxClusters");
        Assert.IsEmpty(wide.Warnings);
    }

    [TestMethod]
    public void Topics_without_a_text_column_and_too_few_posts_are_clear_errors()
    {
        var noText = PostDatasetLoader.Load(
            RepositoryPaths.DemoPosts,
            new PostLoadOptions { RoleOverrides = new Dictionary<string, ColumnRole> { ["text"] = ColumnRole.Ignore } }).Select(Enumerable.Range(0, 50).ToArray());
        var error = Assert.ThrowsExactly<ArgumentException>(() => PatternMiner.Mine(new MLContext(1), noText, new PatternOptions()));
        StringAssert.Contains(error.Message, "text column");
        StringAssert.Contains(error.Message, "PatternOptions.Topics.TopicCount");

        var tiny = Demo.Value.Select(Enumerable.Range(0, 6).ToArray());
        error = Assert.ThrowsExactly<ArgumentException>(() => PatternMiner.Mine(new MLContext(1), tiny, new PatternOptions()));
        StringAssert.Contains(error.Message, "at least 10 posts");
        StringAssert.Contains(error.Message, "has 6");
    }

    [TestMethod]
    public void Louvain_splits_two_cliques_joined_by_one_edge_and_pagerank_favours_the_named()
    {
        // Two triangles a-b-c and d-e-f joined by c-d; everyone also names "hub".
        string[] authors = ["a", "b", "c", "d", "e", "f", "a", "d"];
        string[] texts = ["@b @c", "@c @a", "@a @b @d", "@e @f", "@f @d", "@d @e", "@hub", "RT @hub: see @e"];

        var graph = InteractionGraph.Build(authors, texts);
        var community = graph.Accounts.ToDictionary(a => a.User, a => a.Community);

        Assert.AreEqual(community["a"], community["b"]);
        Assert.AreEqual(community["a"], community["c"]);
        Assert.AreEqual(community["d"], community["e"]);
        Assert.AreNotEqual(community["a"], community["d"]);
        Assert.IsTrue(graph.Modularity > 0.2);
        Assert.AreEqual(1, graph.Edges.Single(e => e.From == "d" && e.To == "hub").Retweets, "RT @hub by d is a retweet edge d → hub");
        Assert.AreEqual(1, graph.Edges.Single(e => e.From == "hub" && e.To == "e").Weight, "the retweeted text's mention is hub's edge");
        Assert.AreEqual(1.0, graph.Accounts.Sum(a => a.PageRank), 1e-9);
    }
}
