using System.Text.RegularExpressions;
using CrossModalML.Analysis.Clustering;
using CrossModalML.Analysis.Users;
using CrossModalML.Data;
using CrossModalML.Demo;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed partial class UserBehaviourAnalyzerTests
{
    private static readonly Dictionary<DemoUserType, string> TypeTopic = new()
    {
        [DemoUserType.MorningFoodie] = "food",
        [DemoUserType.NightOwlGamer] = "tech",
        [DemoUserType.WeekendTraveller] = "travel",
        [DemoUserType.MatchdaySportsFan] = "sports",
    };

    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    // The planted types come from the generator; small images make it quick and do not change users, types or posts.
    private static readonly Lazy<DemoGroundTruth> Truth = new(() =>
    {
        using var temp = new TempDirectory();
        return DemoDataGenerator.Generate(temp.Path, new DemoDataOptions { ImageSize = 16 }).GroundTruth;
    });

    private static readonly Lazy<UserBehaviourResult> Analysis = new(() =>
        UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), Demo.Value, new UserBehaviourOptions { PseudonymSalt = "test salt" }));

    [TestMethod]
    public void Ground_truth_matches_the_committed_demo_posts()
    {
        var users = Demo.Value.GetColumnValues("user_id");
        foreach (var user in Truth.Value.Users)
        {
            Assert.AreEqual(user.PostCount, users.Count(u => u == user.Id), user.Id);
        }
    }

    [TestMethod]
    public void Automatic_segments_recover_the_four_planted_user_types()
    {
        var result = Analysis.Value;
        var planted = Truth.Value.Users.Where(u => u.PostCount > 0).ToList();
        var segments = planted.Select(u => result.FindProfile(u.Id)!.Segment).ToList();

        // Measured: 4 segments chosen by silhouette (0.46) and ARI 1.00 against the planted types. Threshold: 0.8.
        double ari = ClusterQuality.AdjustedRandIndex(segments, planted.Select(u => u.Type).ToList());
        Assert.AreEqual(4, result.Segments.Count, string.Join(", ", result.SegmentCountScores.Select(s => $"{s.ClusterCount}: {s.Silhouette:0.000}")));
        Assert.IsTrue(result.SegmentCountChosenAutomatically);
        Assert.IsTrue(ari >= 0.8, $"adjusted Rand index {ari:0.000}");
        Assert.AreEqual(150, result.Profiles.Count);
        CollectionAssert.AreEqual(result.Segments.Select(s => s.UserCount).OrderDescending().ToArray(), result.Segments.Select(s => s.UserCount).ToArray(), "segment 1 is the largest");
    }

    [TestMethod]
    public void Each_segment_description_names_its_types_topic_and_hour()
    {
        var result = Analysis.Value;
        foreach (var segment in result.Segments)
        {
            var type = Truth.Value.Users.Where(u => u.PostCount > 0 && result.FindProfile(u.Id)!.Segment == segment.Number)
                .GroupBy(u => u.Type).MaxBy(g => g.Count())!.Key;
            StringAssert.Contains(segment.Description, $"topic {TypeTopic[type]}", $"{type}: {segment.Description}");
            StringAssert.Contains(segment.Description, "posts around ", segment.Description);
            StringAssert.StartsWith(segment.Description, $"{segment.UserCount} users", segment.Description);

            // Planted hour centres (UTC): 08:00, 23:00, 13:00, 19:30.
            double planted = type switch
            {
                DemoUserType.MorningFoodie => 8,
                DemoUserType.NightOwlGamer => 23,
                DemoUserType.WeekendTraveller => 13,
                _ => 19.5,
            };
            double gap = Math.Abs(segment.Rhythm.MeanHour!.Value - planted) % 24;
            Assert.IsTrue(Math.Min(gap, 24 - gap) < 1.0, $"{type}: mean hour {segment.Rhythm.MeanHour:0.00}");
            if (type == DemoUserType.WeekendTraveller)
            {
                StringAssert.Contains(segment.Description, "mostly at weekends", segment.Description);
            }
        }
    }

    [TestMethod]
    public void Recommendations_leave_out_own_posts_and_favour_the_users_topic()
    {
        var result = Analysis.Value;
        var users = Demo.Value.GetColumnValues("user_id");
        var topics = Demo.Value.GetColumnValues("topic");
        var texts = Demo.Value.GetColumnValues("text");
        static string Key(string text) => string.Join(' ', Regex.Split(Regex.Replace(text.ToLowerInvariant(), @"@\w+", " "), @"[^\p{L}\p{N}#]+").Where(p => p.Length > 0));
        foreach (var type in TypeTopic.Keys)
        {
            var user = Truth.Value.Users.Where(u => u.Type == type).MaxBy(u => u.PostCount)!;
            var recommendations = result.Recommend(user.Id, new RecommendationOptions { Top = 20 });

            Assert.AreEqual(20, recommendations.Count);
            Assert.IsFalse(recommendations.Any(r => users[r.Row] == user.Id), $"{user.Id} was recommended an own post");
            Assert.IsTrue(recommendations.Zip(recommendations.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
            var own = users.Select((u, row) => (u, row)).Where(x => x.u == user.Id).Select(x => Key(texts[x.row])).ToHashSet();
            var keys = recommendations.Select(r => Key(texts[r.Row])).ToList();
            Assert.AreEqual(keys.Count, keys.Distinct().Count(), "no two recommendations have the same text");
            Assert.IsFalse(keys.Any(own.Contains), "no recommendation repeats one of the user's posts");
            double onTopic = recommendations.Count(r => topics[r.Row] == TypeTopic[type]) / 20.0;

            // The type's topic is 60–65 % of its posts and 14–26 % of all posts; the nearest posts should be mostly on it.
            Assert.IsTrue(onTopic >= 0.7, $"{type}: {onTopic:P0} of recommendations on {TypeTopic[type]}");
        }
    }

    [TestMethod]
    public void Recommendations_can_leave_out_posts_that_mention_the_user()
    {
        var result = Analysis.Value;
        var texts = Demo.Value.GetColumnValues("text");
        bool Mentions(PostRecommendation r, string user) => texts[r.Row].Contains($"@{user} ", StringComparison.Ordinal) || texts[r.Row].EndsWith($"@{user}", StringComparison.Ordinal);
        var (user, all) = Truth.Value.Users.Where(u => u.PostCount > 0)
            .Select(u => (u.Id, Recommendations: result.Recommend(u.Id, new RecommendationOptions { Top = 200, SkipDuplicateTexts = false })))
            .First(x => x.Recommendations.Any(r => Mentions(r, x.Id)));

        var withoutMentions = result.Recommend(user, new RecommendationOptions { Top = 200, ExcludeMentionsOfUser = true, SkipDuplicateTexts = false });

        Assert.IsFalse(withoutMentions.Any(r => Mentions(r, user)));
        var kept = all.Where(r => !Mentions(r, user)).ToList();
        CollectionAssert.AreEqual(kept, withoutMentions.Take(kept.Count).ToList(), "the other posts keep their order");
    }

    [TestMethod]
    public void Recommendations_skip_reposts_of_the_users_posts_unless_asked_not_to()
    {
        string[] schema = ["id", "text", "user_id", "timestamp"];
        var rows = new (string Text, string User, string Time)[]
        {
            ("Fresh sourdough bread from the oven today", "a1", "2026-01-05T08:00:00Z"),
            ("Proofing the dough overnight for breakfast", "a1", "2026-01-06T08:10:00Z"),
            ("RT @a1: Fresh sourdough bread from the oven today http://t.co/abc", "b2", "2026-01-05T09:00:00Z"),
            ("[Bakery] Fresh sourdough bread from the oven today", "c3", "2026-01-05T09:30:00Z"),
            ("Fresh sourdough bread from the oven today!!! https://example.com/x", "d4", "2026-01-05T10:00:00Z"),
            ("My sourdough starter is finally bubbling", "b2", "2026-01-07T07:50:00Z"),
            ("Best bread recipe for a lazy morning", "c3", "2026-01-08T08:20:00Z"),
            ("Late night ranked match on my new graphics card", "d4", "2026-01-05T23:00:00Z"),
            ("Streaming the new shooter until dawn", "d4", "2026-01-06T23:30:00Z"),
        };
        var posts = PostDataset.FromRows(
            [new("id", ColumnRole.Id), new("text", ColumnRole.Text), new("user_id", ColumnRole.User), new("timestamp", ColumnRole.Timestamp)],
            TaskKind.Auto,
            [],
            rows.Select((r, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["id"] = $"p{i}", ["text"] = r.Text, ["user_id"] = r.User, ["timestamp"] = r.Time }),
            imageBaseDirectory: null);
        var result = UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), posts, new UserBehaviourOptions { SegmentCount = 2 });

        var skipping = result.Recommend("a1", new RecommendationOptions { Top = 7 }).Select(r => r.PostId).ToList();
        var keeping = result.Recommend("a1", new RecommendationOptions { Top = 7, SkipDuplicateTexts = false }).Select(r => r.PostId).ToList();

        CollectionAssert.IsSubsetOf(new[] { "p2", "p3", "p4" }, keeping, "the reposts are the nearest posts");
        Assert.AreEqual(7, keeping.Count, "every post but a1's own");
        CollectionAssert.AreEquivalent(new[] { "p5", "p6", "p7", "p8" }, skipping, "retweet, prefixed and punctuated copies are skipped");
    }

    [TestMethod]
    public void Profiles_hold_the_users_behaviour()
    {
        var result = Analysis.Value;
        var owl = Truth.Value.Users.Where(u => u.Type == DemoUserType.NightOwlGamer).MaxBy(u => u.PostCount)!;
        var profile = result.FindProfile(owl.Id)!;

        Assert.AreEqual(owl.PostCount, profile.PostCount);
        Assert.AreEqual(owl.PostCount, profile.Rhythm.TimedPosts);
        Assert.AreEqual(1.0, profile.Rhythm.HourOfDay.Sum(), 1e-9);
        Assert.AreEqual(1.0, profile.Rhythm.DayOfWeek.Sum(), 1e-9);
        Assert.AreEqual("tech", profile.Categories["topic"][0].Value);
        Assert.AreEqual(3, profile.Labels.Count, "positive, negative and neutral");
        Assert.IsTrue(profile.Engagement["likes"].Mean > 0 && profile.Engagement["likes"].Median > 0);
        Assert.AreEqual(Analysis.Value.Embeddings.Dimensions, profile.Embedding.Count);
        Assert.IsFalse(profile.TopTerms.Any(t => t.StartsWith('u') && t.Skip(1).All(char.IsDigit)), "mentions never become terms");
        Assert.AreSame(profile, result.FindProfile(profile.User), "a profile is also found by its pseudonym");
    }

    [TestMethod]
    public void Circular_mean_hour_of_23_30_and_00_30_is_midnight()
    {
        var day = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var rhythm = ActivityRhythm.FromTimes([day.AddHours(23.5), day.AddHours(24.5)]);

        Assert.AreEqual(0.0, Math.Min(rhythm.MeanHour!.Value, 24 - rhythm.MeanHour.Value), 1e-6);
        Assert.AreEqual(0.5, rhythm.HourOfDay[23], 1e-12);
        Assert.AreEqual(0.5, rhythm.HourOfDay[0], 1e-12);
        Assert.AreEqual(0.5, rhythm.DayOfWeek[0], 1e-12, "Monday 23:30");
        Assert.IsTrue(rhythm.Concentration > 0.95);
    }

    [TestMethod]
    public void Users_are_salted_pseudonyms_unless_raw_ids_are_asked_for()
    {
        var small = Small();
        var rawIds = small.GetColumnValues("user_id").Distinct().ToHashSet();
        var salted = UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), small, FastOptions("one salt"));
        var sameSalt = UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), small, FastOptions("one salt"));
        var randomSalt = UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), small, FastOptions(null));
        var raw = UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), small, new UserBehaviourOptions { RawUserIds = true, Embedding = FastOptions(null).Embedding });

        Assert.IsTrue(salted.IdsArePseudonymised);
        Assert.IsTrue(salted.Profiles.All(p => PseudonymShape().IsMatch(p.User) && !rawIds.Contains(p.User)));
        CollectionAssert.AreEqual(salted.Profiles.Select(p => p.User).ToArray(), sameSalt.Profiles.Select(p => p.User).ToArray());
        Assert.IsFalse(salted.Profiles.Select(p => p.User).Intersect(randomSalt.Profiles.Select(p => p.User)).Any(), "a random salt gives other pseudonyms");
        foreach (var id in rawIds)
        {
            Assert.AreEqual(salted.FindProfile(id)!.Segment, randomSalt.FindProfile(id)!.Segment, $"the salt must not change {id}'s segment");
        }

        var report = UserBehaviourReport.Build(salted, recommendationsFor: rawIds.First()).ToString();
        Assert.IsFalse(RawDemoId().IsMatch(report), "the report holds a raw user id: " + RawDemoId().Match(report).Value);
        StringAssert.Contains(report, "pseudonymised");

        Assert.IsFalse(raw.IdsArePseudonymised);
        CollectionAssert.AreEquivalent(rawIds.ToArray(), raw.Profiles.Select(p => p.User).ToArray());
        StringAssert.Contains(UserBehaviourReport.Build(raw).ToString(), "Raw user ids (internal report)");
    }

    [TestMethod]
    public void Data_without_a_user_column_is_a_clear_error()
    {
        var noUser = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { RoleOverrides = { ["user_id"] = ColumnRole.Ignore } })
            .Select(Enumerable.Range(0, 50).ToArray());

        var error = Assert.ThrowsExactly<ArgumentException>(() => UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), noUser));
        StringAssert.Contains(error.Message, "no user column");
        StringAssert.Contains(error.Message, "UserBehaviourOptions.UserColumn");

        error = Assert.ThrowsExactly<ArgumentException>(() => UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), noUser, new UserBehaviourOptions { UserColumn = "author" }));
        StringAssert.Contains(error.Message, "'author'");
        StringAssert.Contains(error.Message, "'user_id'");

        var userAsCategory = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { RoleOverrides = { ["user_id"] = ColumnRole.Categorical } })
            .Select(Enumerable.Range(0, 50).ToArray());
        error = Assert.ThrowsExactly<ArgumentException>(() => UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), userAsCategory, new UserBehaviourOptions { UserColumn = "user_id" }));
        StringAssert.Contains(error.Message, "role Categorical");
    }

    [TestMethod]
    public void Recommending_to_an_unknown_user_is_a_clear_error()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Analysis.Value.Recommend("u999"));
        StringAssert.Contains(error.Message, "'u999'");
        StringAssert.Contains(error.Message, "'user_id'");
    }

    [TestMethod]
    public void Too_few_users_for_the_segments_is_a_clear_error()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            UserBehaviourAnalyzer.Analyze(new MLContext(seed: 1), Small(), new UserBehaviourOptions { MinPostsPerUser = 1000, Embedding = FastOptions(null).Embedding }));
        StringAssert.Contains(error.Message, "at least 1000 post(s)");
    }

    private static PostDataset Small() => Demo.Value.Select(Enumerable.Range(0, 400).ToArray());

    private static UserBehaviourOptions FastOptions(string? salt)
    {
        var options = new UserBehaviourOptions { PseudonymSalt = salt, SegmentCount = 4 };
        options.Embedding.Featurizer.Modalities = Modality.Text | Modality.Metadata;
        return options;
    }

    [GeneratedRegex("^user_[0-9a-f]{16}$")]
    private static partial Regex PseudonymShape();

    [GeneratedRegex(@"\bu\d{3}\b")]
    private static partial Regex RawDemoId();
}
