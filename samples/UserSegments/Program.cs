// UserSegments: profile users from their posts, segment them by behaviour, describe the segments, recommend posts,
// and write a Markdown report with charts. Users appear only as salted pseudonyms.
// Usage: dotnet run --project samples/UserSegments [-- path/to/posts.tsv [label-column]]
using System.Text.RegularExpressions;
using CrossModalML;
using CrossModalML.Analysis.Users;
using CrossModalML.Data;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
string? label = args.Length > 1 ? args[1] : args.Length == 0 ? "sentiment" : null;

// 1. Load the posts: the user, timestamp, text, image and numeric columns are recognised from the header and values.
var ml = new MLContext(seed: 1);
var data = ml.CrossModal().LoadPosts(dataPath, label);
Console.WriteLine($"{data.RowCount} posts from {dataPath}");

// 2. Profile and segment: embeddings of every post, one profile per user, k-means with the segment count chosen by silhouette.
var result = UserBehaviourAnalyzer.Analyze(ml, data, new UserBehaviourOptions(), new Progress<string>(Console.WriteLine));
Console.WriteLine($"\n{result.Profiles.Count} users → {result.Segments.Count} segments (silhouette {result.ChosenSegmentCount.Silhouette:0.000}):");
foreach (var segment in result.Segments)
{
    Console.WriteLine($"  {segment.Number,2}. {segment.Description}");
}

// 3. One user's profile, shown by pseudonym.
var user = result.Profiles[0];
Console.WriteLine($"\nMost active user {user.User}: {user.PostCount} posts, segment {user.Segment}");
Console.WriteLine($"  hashtags: {string.Join(" ", user.Hashtags.Select(h => $"{h.Value} ({h.Share:P0})"))}");
Console.WriteLine($"  terms: {string.Join(", ", user.TopTerms)}");
if (user.Rhythm.MeanHour is { } hour)
{
    Console.WriteLine($"  posts around {TimeSpan.FromHours(hour):hh\\:mm} UTC, {user.Rhythm.WeekendShare:P0} at weekends");
}

foreach (var (column, engagement) in user.Engagement)
{
    Console.WriteLine($"  {column}: mean {engagement.Mean:0.#}, median {engagement.Median:0.#}");
}

if (user.Labels.Count > 0)
{
    Console.WriteLine($"  {result.LabelColumn}: {string.Join(", ", user.Labels.Select(l => $"{l.Value} {l.Share:P0}"))}");
}

// 4. Recommend: the posts nearest the user's mean embedding that the user did not write.
var texts = data.GetColumnValues(data.Columns.First(c => c.Role == ColumnRole.Text).Name);
Console.WriteLine($"\nRecommended for {user.User}:");
foreach (var recommendation in result.Recommend(user.User, new RecommendationOptions { Top = 5 }))
{
    // Mentions name other users, so they are masked like the users themselves.
    var text = Regex.Replace(texts[recommendation.Row], @"@[\p{L}\p{N}_]+", "@user");
    Console.WriteLine($"  {recommendation.PostId,-20} {recommendation.Score:0.000}  {(text.Length > 70 ? text[..70] + "…" : text)}");
}

// 5. Report: segment table, charts (sizes, 2-D map, posting hours) and the recommendations, without raw user ids.
var folder = ArtifactsFolder("UserSegments");
var reportPath = UserBehaviourReport.Build(result, user.User, new RecommendationOptions { Top = 5 }).Save(folder);
Console.WriteLine($"\nReport: {reportPath}");

static string FindDemoData()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "datasets", "demo", "posts.tsv");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("datasets/demo/posts.tsv was not found above the sample's folder; pass a data file as the first argument.");
}

// Outputs go under the repository's artifacts/ folder (ignored by git), or ./artifacts when run outside the repository.
static string ArtifactsFolder(string sample)
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "CrossModalML.sln")))
        {
            return Directory.CreateDirectory(Path.Combine(directory.FullName, "artifacts", "samples", sample)).FullName;
        }
    }

    return Directory.CreateDirectory(Path.Combine(Environment.CurrentDirectory, "artifacts", "samples", sample)).FullName;
}
