using CrossModalML.Demo;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Demo;

/// <summary>Checks the default demo set: the planted structure and the committed copy in <c>datasets/demo</c>.</summary>
[TestClass]
public sealed class DemoDataSetPlantedStructureTests
{
    private static string s_directory = string.Empty;
    private static DemoDataSummary? s_summary;

    private static DemoDataSummary Summary => s_summary ?? throw new InvalidOperationException("ClassInitialize did not run.");

    private static DemoGroundTruth Truth => Summary.GroundTruth;

    [ClassInitialize]
    public static void GenerateDefaultSet(TestContext context)
    {
        s_directory = Path.Combine(Path.GetTempPath(), "cmml-demo-default-" + Guid.NewGuid().ToString("N"));
        s_summary = DemoDataGenerator.Generate(s_directory);
    }

    [ClassCleanup]
    public static void DeleteDefaultSet() => Directory.Delete(s_directory, recursive: true);

    [TestMethod]
    public void Committed_demo_set_equals_a_fresh_generation_with_default_options()
    {
        string committed = Path.Combine(RepositoryPaths.Root, "datasets", "demo");

        CollectionAssert.AreEqual(
            File.ReadAllBytes(Path.Combine(s_directory, "posts.tsv")),
            File.ReadAllBytes(Path.Combine(committed, "posts.tsv")),
            "datasets/demo/posts.tsv is stale: regenerate it with the default options");
        string[] images = Directory.GetFiles(Path.Combine(s_directory, "images")).Order(StringComparer.Ordinal).ToArray();
        Assert.AreEqual(images.Length, Directory.GetFiles(Path.Combine(committed, "images")).Length, "image count differs");
        for (int i = 0; i < images.Length; i += images.Length / 20)
        {
            string name = Path.GetFileName(images[i]);
            CollectionAssert.AreEqual(File.ReadAllBytes(images[i]), File.ReadAllBytes(Path.Combine(committed, "images", name)), name);
        }
    }

    [TestMethod]
    public void Default_set_has_3000_rows()
    {
        Assert.AreEqual(3000, Summary.RowsWritten);
        Assert.AreEqual(Truth.Posts.Count(post => post.HasImage), Summary.ImagesWritten);
    }

    [TestMethod]
    public void Label_mix_is_within_four_points_of_45_35_20()
    {
        AssertShare(Summary.LabelCounts["positive"], 0.45, 0.04, "positive");
        AssertShare(Summary.LabelCounts["negative"], 0.35, 0.04, "negative");
        AssertShare(Summary.LabelCounts["neutral"], 0.20, 0.04, "neutral");
    }

    [TestMethod]
    public void Cue_channel_mix_is_within_three_points_of_40_40_20()
    {
        AssertShare(Truth.Posts.Count(post => post.CueChannel == SentimentCueChannel.Text), 0.40, 0.03, "text-only");
        AssertShare(Truth.Posts.Count(post => post.CueChannel == SentimentCueChannel.Image), 0.40, 0.03, "image-only");
        AssertShare(Truth.Posts.Count(post => post.CueChannel == SentimentCueChannel.Both), 0.20, 0.03, "both");
    }

    [TestMethod]
    public void Label_noise_and_missing_images_are_about_three_percent()
    {
        AssertShare(Truth.Posts.Count(post => post.LabelFlipped), 0.03, 0.015, "flipped labels");
        AssertShare(Truth.Posts.Count(post => !post.HasImage), 0.03, 0.015, "missing images");
        Assert.IsFalse(Truth.Posts.Any(post => !post.HasImage && post.CueChannel == SentimentCueChannel.Image), "an image-cue post lost its image");
    }

    [TestMethod]
    public void Burst_hashtag_daily_count_peaks_on_the_documented_day()
    {
        IReadOnlyList<int> perDay = Truth.BurstHashtagDailyCounts;
        int peak = perDay.Max();

        Assert.AreEqual(60, Truth.BurstPeakDay);
        Assert.AreEqual(new DateOnly(2026, 3, 2), Truth.BurstPeakDate);
        Assert.AreEqual(Truth.BurstPeakDay, perDay.ToList().IndexOf(peak));
        Assert.AreEqual(1, perDay.Count(count => count == peak), "the peak must be unique");
        Assert.IsTrue(perDay.Take(Truth.BurstStartDay + 1).All(count => count <= 2), "the tag must be rare before the burst");
    }

    [TestMethod]
    public void Burst_hashtag_counts_in_the_file_match_the_ground_truth()
    {
        int[] perDay = new int[Truth.BurstHashtagDailyCounts.Count];
        foreach (string[] row in ReadRows())
        {
            if (row[1].Split(' ').Contains(Truth.BurstHashtag))
            {
                perDay[(DateOnly.ParseExact(row[4][..10], "yyyy-MM-dd").DayNumber - Truth.StartDate.DayNumber)]++;
            }
        }

        CollectionAssert.AreEqual(Truth.BurstHashtagDailyCounts.ToArray(), perDay);
    }

    [TestMethod]
    public void Every_user_has_one_type_and_every_type_has_at_least_20_users()
    {
        Assert.AreEqual(150, Truth.Users.Count);
        Assert.AreEqual(150, Truth.UserTypes.Count);
        foreach (DemoUserType type in Enum.GetValues<DemoUserType>())
        {
            int users = Truth.Users.Count(user => user.Type == type);
            Assert.IsTrue(users >= 20, $"{type} has {users} users");
        }

        CollectionAssert.IsSubsetOf(ReadRows().Select(row => row[3]).Distinct().ToList(), Truth.UserTypes.Keys.ToList());
    }

    [TestMethod]
    public void Every_user_posts_and_activity_is_heavy_tailed()
    {
        int[] counts = Truth.Users.Select(user => user.PostCount).Order().ToArray();

        Assert.IsTrue(counts[0] >= 1, "a user wrote no post");
        Assert.IsTrue(counts[^1] >= 5 * counts[counts.Length / 2], $"busiest user {counts[^1]} vs median {counts[counts.Length / 2]}");
    }

    [TestMethod]
    public void No_field_contains_a_tab_line_break_or_quote_and_texts_are_short()
    {
        string[] lines = File.ReadAllText(Summary.PostsPath).Split('\n');
        Assert.IsFalse(lines.Any(line => line.Contains('"') || line.Contains('\r')), "a field contains a quote or carriage return");
        foreach (string[] row in ReadRows())
        {
            Assert.AreEqual(9, row.Length, $"row {row[0]} does not have 9 fields");
            Assert.IsTrue(row[1].Length < 200, $"text of {row[0]} has {row[1].Length} characters");
        }
    }

    [TestMethod]
    public void Image_cells_name_existing_files_and_match_the_ground_truth()
    {
        foreach ((string[] row, DemoPostTruth truth) in ReadRows().Zip(Truth.Posts))
        {
            Assert.AreEqual(truth.Id, row[0]);
            Assert.AreEqual(truth.Sentiment, row[7]);
            Assert.AreEqual(truth.HasImage, row[2].Length > 0, row[0]);
            if (truth.HasImage)
            {
                Assert.AreEqual("images/" + row[0][1..] + ".png", row[2]);
                Assert.IsTrue(File.Exists(Path.Combine(s_directory, row[2])), row[2]);
            }
        }
    }

    private static IEnumerable<string[]> ReadRows() =>
        File.ReadAllText(Summary.PostsPath).Split('\n').Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t'));

    private static void AssertShare(int count, double expected, double tolerance, string what)
    {
        double share = count / (double)Summary.RowsWritten;
        Assert.IsTrue(Math.Abs(share - expected) <= tolerance, $"{what}: share {share:F3}, expected {expected:F2} ± {tolerance:F3}");
    }
}
