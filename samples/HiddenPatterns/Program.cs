// HiddenPatterns: cluster posts on fused text + image + metadata features, find text topics, and map who mentions whom.
// Usage: dotnet run --project samples/HiddenPatterns [-- path/to/posts.tsv [label-column]]
using CrossModalML;
using CrossModalML.Analysis.Patterns;
using CrossModalML.Data;
using Microsoft.ML;

bool demo = args.Length == 0;
string dataPath = demo ? FindDemoData() : args[0];

// 1. Load. On the demo set the planted 'topic' is the label to compare clusters with; 'sentiment' is left out so the
//    clusters are found from the posts themselves. On other data the optional second argument names the label to count.
var load = new PostLoadOptions { LabelColumn = demo ? "topic" : args.ElementAtOrDefault(1) };
if (demo)
{
    load.RoleOverrides["sentiment"] = ColumnRole.Ignore;
}

var ml = new MLContext(seed: 1);
var data = ml.CrossModal().LoadPosts(dataPath, load);
Console.WriteLine($"{data.RowCount} posts from {dataPath}");

// 2. Mine: clusters with automatic k (silhouette), LDA topics, per-cluster terms/posts/images/labels, mention graph.
//    User ids come back as salted-hash pseudonyms unless RawUserIds is set.
var options = new PatternOptions();
if (demo)
{
    options.Topics.TopicCount = 5;
}

var result = PatternMiner.Mine(ml, data, options, new Progress<string>(Console.WriteLine));

Console.WriteLine($"\n{result.Clusters.Count} clusters (silhouette {result.Clustering.Chosen.Silhouette:0.000}):");
foreach (var cluster in result.Clusters)
{
    var labels = string.Join(" ", cluster.LabelCounts.OrderByDescending(l => l.Value).Take(2).Select(l => $"{l.Key} {100.0 * l.Value / cluster.Size:0}%"));
    Console.WriteLine($"  {cluster.Id}: {cluster.Size,5} posts  {string.Join(" ", cluster.TopHashtags.Take(3).Select(t => t.Term)),-32} {labels}  e.g. {string.Join(", ", cluster.RepresentativePosts.Take(2))}");
}

if (result.Topics is { } topics)
{
    Console.WriteLine("\nTopics:");
    foreach (var topic in topics.Topics)
    {
        Console.WriteLine($"  T{topic.Id}: {topic.Label(6)}");
    }
}

if (result.Graph is { Edges.Count: > 0 } graph)
{
    Console.WriteLine($"\nMention graph: {graph.Accounts.Count} accounts, {graph.Communities.Count} communities (modularity {graph.Modularity:0.000}). Most central:");
    foreach (var account in graph.Accounts.Take(5))
    {
        Console.WriteLine($"  {account.User}  PageRank {account.PageRank:0.0000}  mentioned {account.TimesMentioned}  posts {account.Posts}");
    }
}

// 3. The same as a Markdown report with a cluster map, charts and representative images.
var reportFolder = ArtifactsFolder("HiddenPatterns");
Console.WriteLine($"\nReport: {PatternReport.Build(result).Save(reportFolder)}");

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
