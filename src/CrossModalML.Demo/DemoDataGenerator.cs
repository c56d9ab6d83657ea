using System.Globalization;
using System.Text;
using CrossModalML.IO;

namespace CrossModalML.Demo;

/// <summary>
/// Writes the demo data set: social-media posts with text, a small drawn image and metadata, with planted structure
/// (cross-modal sentiment cues, topics, user types, a trend burst, engagement) that tests and samples can check for.
/// </summary>
/// <remarks>
/// <para>
/// Output is deterministic: the same <see cref="DemoDataOptions"/> give byte-identical files on the same .NET runtime and
/// SkiaSharp version. Every choice comes from one <see cref="Random"/> seeded with <see cref="DemoDataOptions.Seed"/>,
/// drawn in a fixed order, and text is formatted with the invariant culture.
/// </para>
/// <para>
/// The generator writes <c>posts.tsv</c> (UTF-8 without BOM, LF line endings, tab-separated, a header row, no quoting:
/// no field contains a tab, a line break or a double quote) and <c>images/NNNNN.png</c>, where NNNNN is the post's number.
/// Existing files of the same names are overwritten; other files in the folder are left alone.
/// The planted rules and their parameters are documented in <c>datasets/README.md</c>.
/// </para>
/// <para>The methods are thread-safe as long as concurrent calls write to different folders.</para>
/// </remarks>
public static class DemoDataGenerator
{
    /// <summary>Name of the data file written into the output folder.</summary>
    public const string PostsFileName = "posts.tsv";

    /// <summary>Name of the sub-folder that receives the images.</summary>
    public const string ImagesFolderName = "images";

    /// <summary>The columns of <c>posts.tsv</c>, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "text", "image", "user_id", "timestamp", "likes", "shares", "sentiment", "topic"];

    private const double TextOnlyShare = 0.40;
    private const double ImageOnlyShare = 0.40;
    private const int FriendsPerUser = 3;
    private const double SameTypeFriendProbability = 0.70;
    private const int ActivityRankOffset = 10;
    private const int BurstRampDays = 4;
    private const double BurstPeakShareOfPosts = 0.01;
    private const double TravellerBurstWeight = 3.0;
    private const int BurstFirstHour = 18;
    private const double NoImageLikesFactor = 0.7;
    private const double ViralProbability = 0.02;
    private const double ViralFactor = 4.0;

    /// <summary>Writes the demo data set with the given options (defaults when null) into <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">Folder to write into; created when missing.</param>
    /// <param name="options">Generation settings; null for the defaults that produced <c>datasets/demo</c>.</param>
    /// <returns>Counts of what was written and the planted ground truth.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputDirectory"/> is empty, or an option is out of range.</exception>
    public static DemoDataSummary Generate(string outputDirectory, DemoDataOptions? options = null) =>
        Generate(outputDirectory, options, progress: null, CancellationToken.None);

    /// <summary>Writes the demo data set, reporting progress and honouring cancellation.</summary>
    /// <param name="outputDirectory">Folder to write into; created when missing.</param>
    /// <param name="options">Generation settings; null for the defaults that produced <c>datasets/demo</c>.</param>
    /// <param name="progress">Receives the number of posts written so far, after each post; may be null.</param>
    /// <param name="cancellationToken">Checked before each post; on cancellation the files written so far stay behind, incomplete.</param>
    /// <returns>Counts of what was written and the planted ground truth.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputDirectory"/> is empty, or an option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DemoDataSummary Generate(
        string outputDirectory,
        DemoDataOptions? options,
        IProgress<int>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new DemoDataOptions();
        Validate(options);

        var random = new Random(options.Seed);
        UserSetup users = CreateUsers(random, options.UserCount);
        int[] burstPerDay = PlanBurstDays(options);
        List<DemoPostPlan> plans = PlanPosts(random, options, users, burstPerDay);

        // Chronological order makes ids and file order usable for time-ordered splits.
        plans.Sort((a, b) => (a.Day, a.MinuteOfDay, a.PlanIndex).CompareTo((b.Day, b.MinuteOfDay, b.PlanIndex)));

        string root = Path.GetFullPath(outputDirectory);
        string imagesDirectory = Path.Combine(root, ImagesFolderName);
        Directory.CreateDirectory(imagesDirectory);
        string postsPath = Path.Combine(root, PostsFileName);

        var composer = new DemoTextComposer(random, users.Ids, users.Friends);
        var painter = new DemoImagePainter(random, options.ImageSize);
        var truths = new List<DemoPostTruth>(plans.Count);
        var labelCounts = DemoVocabulary.Sentiments.ToDictionary(label => label, _ => 0, StringComparer.Ordinal);
        var topicCounts = DemoVocabulary.Topics.ToDictionary(topic => topic, _ => 0, StringComparer.Ordinal);
        int[] burstTagPerDay = new int[options.DayCount];
        int imagesWritten = 0;

        // posts.tsv is staged and replaces an older one only when complete; each image is replaced whole, one by one.
        using var postsFile = StagedFile.Create(postsPath);
        using (var writer = new StreamWriter(postsFile.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true))
        {
            writer.Write(string.Join('\t', Columns));
            writer.Write('\n');
            for (int i = 0; i < plans.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                DemoPostPlan plan = plans[i];
                string number = (i + 1).ToString("D5", CultureInfo.InvariantCulture);
                string id = "p" + number;
                (string text, bool hasBurstHashtag) = composer.Compose(plan);

                string imageCell = string.Empty;
                double brightness = 0;
                double colourfulness = 0;
                if (plan.HasImage)
                {
                    DemoImageStyle style = plan.CueChannel == SentimentCueChannel.Text
                        ? DemoImageStyle.Uninformative
                        : (DemoImageStyle)plan.CleanSentiment;
                    (byte[] png, brightness, colourfulness) = painter.Paint(style, plan.Topic);
                    imageCell = ImagesFolderName + "/" + number + ".png";
                    AtomicFile.WriteAllBytes(Path.Combine(imagesDirectory, number + ".png"), png);
                    imagesWritten++;
                }

                int hour = plan.MinuteOfDay / 60;
                DemoUserTypeProfile profile = DemoUserTypeProfile.All[(int)users.Types[plan.UserIndex]];
                int likes = DrawLikes(random, plan, profile, hour, brightness, colourfulness);
                int shares = (int)Math.Round(likes * random.NextDouble(0.05, 0.20), MidpointRounding.AwayFromZero);
                DateTime timestamp = options.StartDate.AddDays(plan.Day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(plan.MinuteOfDay);
                string sentiment = DemoVocabulary.Sentiments[plan.WrittenSentiment];
                string topic = DemoVocabulary.Topics[plan.Topic];

                writer.Write(string.Join(
                    '\t',
                    id,
                    text,
                    imageCell,
                    users.Ids[plan.UserIndex],
                    timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    likes.ToString(CultureInfo.InvariantCulture),
                    shares.ToString(CultureInfo.InvariantCulture),
                    sentiment,
                    topic));
                writer.Write('\n');

                labelCounts[sentiment]++;
                topicCounts[topic]++;
                if (hasBurstHashtag)
                {
                    burstTagPerDay[plan.Day]++;
                }

                truths.Add(new DemoPostTruth(
                    id,
                    users.Ids[plan.UserIndex],
                    plan.Day,
                    topic,
                    DemoVocabulary.Sentiments[plan.CleanSentiment],
                    sentiment,
                    plan.CleanSentiment != plan.WrittenSentiment,
                    plan.CueChannel,
                    plan.HasImage,
                    brightness,
                    colourfulness,
                    hasBurstHashtag));
                progress?.Report(i + 1);
            }
        }

        postsFile.Commit();

        var groundTruth = new DemoGroundTruth(
            BuildUserTruths(users, plans),
            truths,
            DemoVocabulary.BurstHashtag,
            options.BurstPeakDay - BurstRampDays,
            options.BurstPeakDay,
            options.StartDate,
            burstTagPerDay);
        return new DemoDataSummary(postsPath, plans.Count, imagesWritten, labelCounts, topicCounts, groundTruth);
    }

    private static void Validate(DemoDataOptions options)
    {
        RequireRange(options.PostCount, 1, 99_999, nameof(DemoDataOptions.PostCount));
        RequireRange(options.UserCount, 8, 999, nameof(DemoDataOptions.UserCount));
        RequireRange(options.ImageSize, 16, 512, nameof(DemoDataOptions.ImageSize));
        RequireRange(options.DayCount, 14, 3650, nameof(DemoDataOptions.DayCount));
        RequireRange(options.BurstPeakDay, BurstRampDays, options.DayCount - 1, nameof(DemoDataOptions.BurstPeakDay));
        RequireRate(options.LabelNoiseRate, nameof(DemoDataOptions.LabelNoiseRate));
        RequireRate(options.MissingImageRate, nameof(DemoDataOptions.MissingImageRate));
    }

    private static void RequireRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"DemoDataOptions.{name} is {value}; it must be between {min} and {max}."),
                name);
        }
    }

    private static void RequireRate(double value, string name)
    {
        if (!(value >= 0 && value <= 0.5))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"DemoDataOptions.{name} is {value}; it must be between 0 and 0.5."),
                name);
        }
    }

    private sealed record UserSetup(
        string[] Ids,
        DemoUserType[] Types,
        int[] ActivityRanks,
        double[] MeanHours,
        IReadOnlyList<IReadOnlyList<int>> Friends);

    private static UserSetup CreateUsers(Random random, int userCount)
    {
        var types = new List<DemoUserType>(userCount);
        foreach (var (type, count) in ApportionTypes(userCount))
        {
            types.AddRange(Enumerable.Repeat(type, count));
        }

        random.Shuffle(types);

        var ranks = Enumerable.Range(1, userCount).ToList();
        random.Shuffle(ranks);

        string[] ids = new string[userCount];
        double[] meanHours = new double[userCount];
        for (int u = 0; u < userCount; u++)
        {
            ids[u] = "u" + (u + 1).ToString("D3", CultureInfo.InvariantCulture);
            meanHours[u] = DemoUserTypeProfile.All[(int)types[u]].MeanHour + (DemoUserTypeProfile.UserHourJitter * random.NextStandardNormal());
        }

        var friends = new IReadOnlyList<int>[userCount];
        for (int u = 0; u < userCount; u++)
        {
            int[] sameType = Enumerable.Range(0, userCount).Where(other => other != u && types[other] == types[u]).ToArray();
            var chosen = new List<int>(FriendsPerUser);
            while (chosen.Count < FriendsPerUser)
            {
                int candidate = random.NextBool(SameTypeFriendProbability) && sameType.Length > 0
                    ? random.Pick(sameType)
                    : random.Next(userCount);
                if (candidate != u && !chosen.Contains(candidate))
                {
                    chosen.Add(candidate);
                }
            }

            friends[u] = chosen;
        }

        return new UserSetup(ids, types.ToArray(), ranks.ToArray(), meanHours, friends);
    }

    /// <summary>Splits the users over the types by their shares, giving leftover users to the largest remainders.</summary>
    private static IEnumerable<(DemoUserType Type, int Count)> ApportionTypes(int userCount)
    {
        IReadOnlyList<DemoUserTypeProfile> profiles = DemoUserTypeProfile.All;
        int[] counts = profiles.Select(profile => (int)(profile.UserShare * userCount)).ToArray();
        int leftover = userCount - counts.Sum();
        int[] byRemainder = Enumerable.Range(0, profiles.Count)
            .OrderByDescending(i => (profiles[i].UserShare * userCount) - counts[i])
            .ThenBy(i => i)
            .ToArray();
        for (int i = 0; i < leftover; i++)
        {
            counts[byRemainder[i % byRemainder.Length]]++;
        }

        return profiles.Select((profile, i) => (profile.Type, counts[i]));
    }

    /// <summary>Posts per day that belong to the trend burst: a linear ramp to the peak, then halving every two days.</summary>
    private static int[] PlanBurstDays(DemoDataOptions options)
    {
        double peakCount = Math.Max(1, Math.Round(options.PostCount * BurstPeakShareOfPosts, MidpointRounding.AwayFromZero));
        int start = options.BurstPeakDay - BurstRampDays;
        double dailyDecay = Math.Sqrt(0.5);
        int[] perDay = new int[options.DayCount];
        double level = 1;
        for (int day = start + 1; day < options.DayCount; day++)
        {
            double shape = day <= options.BurstPeakDay ? (day - start) / (double)BurstRampDays : level *= dailyDecay;
            perDay[day] = (int)Math.Round(peakCount * shape, MidpointRounding.AwayFromZero);
        }

        // A tiny data set must still keep most of its posts ordinary.
        int budget = options.PostCount / 2;
        for (int day = 0; day < perDay.Length; day++)
        {
            perDay[day] = Math.Min(perDay[day], budget);
            budget -= perDay[day];
        }

        return perDay;
    }

    private static List<DemoPostPlan> PlanPosts(Random random, DemoDataOptions options, UserSetup users, int[] burstPerDay)
    {
        int userCount = users.Ids.Length;
        double[] activity = users.ActivityRanks.Select(rank => 1.0 / (rank + ActivityRankOffset)).ToArray();
        double[] burstActivity = activity
            .Select((weight, u) => users.Types[u] == DemoUserType.WeekendTraveller ? weight * TravellerBurstWeight : weight)
            .ToArray();

        var weekendDays = new List<int>();
        var weekDays = new List<int>();
        for (int day = 0; day < options.DayCount; day++)
        {
            DayOfWeek dayOfWeek = options.StartDate.AddDays(day).DayOfWeek;
            (dayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekendDays : weekDays).Add(day);
        }

        int burstTotal = burstPerDay.Sum();
        int regularTotal = options.PostCount - burstTotal;
        var plans = new List<DemoPostPlan>(options.PostCount);
        for (int k = 0; k < regularTotal; k++)
        {
            // Everyone posts at least once when there are enough posts; the rest follows the heavy-tailed activity.
            int userIndex = regularTotal >= userCount && k < userCount ? k : random.PickWeighted(activity);
            DemoUserTypeProfile profile = DemoUserTypeProfile.All[(int)users.Types[userIndex]];
            int topic = random.PickWeighted(profile.TopicWeights);
            int day = random.NextBool(profile.WeekendShare) ? random.Pick(weekendDays) : random.Pick(weekDays);
            int hour = DrawHour(random, profile, users.MeanHours[userIndex]);
            int minute = (hour * 60) + random.Next(60);
            plans.Add(CreatePlan(random, options, plans.Count, userIndex, topic, day, minute, isBurstPost: false));
        }

        for (int day = 0; day < burstPerDay.Length; day++)
        {
            for (int n = 0; n < burstPerDay[day]; n++)
            {
                int userIndex = random.PickWeighted(burstActivity);
                int minute = (random.Next(BurstFirstHour, 24) * 60) + random.Next(60);
                plans.Add(CreatePlan(random, options, plans.Count, userIndex, DemoVocabulary.TravelTopic, day, minute, isBurstPost: true));
            }
        }

        return plans;
    }

    private static int DrawHour(Random random, DemoUserTypeProfile profile, double userMeanHour)
    {
        if (random.NextBool(DemoUserTypeProfile.OffHourShare))
        {
            return random.Next(24);
        }

        double hour = userMeanHour + (profile.HourSpread * random.NextStandardNormal());
        return Math.Min(23, (int)Math.Floor(((hour % 24) + 24) % 24));
    }

    private static DemoPostPlan CreatePlan(
        Random random,
        DemoDataOptions options,
        int planIndex,
        int userIndex,
        int topic,
        int day,
        int minuteOfDay,
        bool isBurstPost)
    {
        int clean = random.PickWeighted(DemoVocabulary.SentimentWeights);
        double channelDraw = random.NextDouble();
        SentimentCueChannel channel = channelDraw < TextOnlyShare ? SentimentCueChannel.Text
            : channelDraw < TextOnlyShare + ImageOnlyShare ? SentimentCueChannel.Image
            : SentimentCueChannel.Both;

        // Images go missing only where the text carries the cue, at a rate scaled so the overall share matches the option.
        double textCueShare = 1 - ImageOnlyShare;
        bool hasImage = channel == SentimentCueChannel.Image || !random.NextBool(options.MissingImageRate / textCueShare);

        int written = clean;
        if (random.NextBool(options.LabelNoiseRate))
        {
            written = (clean + 1 + random.Next(DemoVocabulary.Sentiments.Count - 1)) % DemoVocabulary.Sentiments.Count;
        }

        return new DemoPostPlan
        {
            PlanIndex = planIndex,
            UserIndex = userIndex,
            Topic = topic,
            Day = day,
            MinuteOfDay = minuteOfDay,
            CleanSentiment = clean,
            WrittenSentiment = written,
            CueChannel = channel,
            HasImage = hasImage,
            IsBurstPost = isBurstPost,
        };
    }

    /// <summary>Likes: topic base × user-type engagement × hour factor × image factor × noise, with rare viral posts.</summary>
    private static int DrawLikes(Random random, DemoPostPlan plan, DemoUserTypeProfile profile, int hour, double brightness, double colourfulness)
    {
        double imageFactor = plan.HasImage ? 0.6 + (0.6 * brightness) + (0.8 * colourfulness) : NoImageLikesFactor;
        double noise = (random.NextDouble() + random.NextDouble() + random.NextDouble()) / 1.5;
        double viral = random.NextBool(ViralProbability) ? ViralFactor : 1;
        double expected = DemoVocabulary.TopicBaseLikes[plan.Topic] * profile.Engagement * DemoVocabulary.HourLikesFactor[hour] * imageFactor;
        return (int)Math.Round(expected * noise * viral, MidpointRounding.AwayFromZero);
    }

    private static List<DemoUser> BuildUserTruths(UserSetup users, List<DemoPostPlan> plans)
    {
        int[] postCounts = new int[users.Ids.Length];
        foreach (DemoPostPlan plan in plans)
        {
            postCounts[plan.UserIndex]++;
        }

        return users.Ids
            .Select((id, u) => new DemoUser(
                id,
                users.Types[u],
                users.ActivityRanks[u],
                postCounts[u],
                users.Friends[u].Select(friend => users.Ids[friend]).ToArray()))
            .ToList();
    }
}
