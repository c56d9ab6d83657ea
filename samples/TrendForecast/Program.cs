// TrendForecast: count hashtags per day, back-test next-day forecasts against naive ones, flag emerging topics, and
// write a Markdown report with charts.
// Usage: dotnet run --project samples/TrendForecast [-- path/to/posts.tsv [topic-column]]
using CrossModalML;
using CrossModalML.Analysis.Trends;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
var options = new TrendOptions { Window = TrendWindow.Day };
if (args.Length > 1)
{
    // Group by a column (the demo's 'topic', mediaeval2015-vmu's 'event') instead of hashtags.
    options.TopicSource = TrendTopicSource.Column;
    options.TopicColumn = args[1];
}

// 1. Load the posts without a label; the timestamp column is recognised from its name and values.
var data = new MLContext(seed: 1).CrossModal().LoadPosts(dataPath);
Console.WriteLine($"{data.RowCount} posts from {dataPath}");

// 2. Bucket by day and topic, back-test over the last 28 days, fit on every day and forecast the next one.
var analysis = TrendAnalyzer.Analyze(data, options);
var table = analysis.Table;
Console.WriteLine($"{table.TopicCount} topics over {table.WindowCount} days ({table.WindowStarts[0]:yyyy-MM-dd} to {table.WindowStarts[^1]:yyyy-MM-dd}), trainer {analysis.Trainer}");

// 3. How the one-day-ahead forecasts did, window by window, against the naive forecasts.
if (analysis.BackTest is { } backTest)
{
    Console.WriteLine($"\nBack-test over {backTest.Origins.Count} days (posts per day):");
    Console.WriteLine($"  {"method",-16} {"MAE",7} {"RMSE",7} {"MASE",7}");
    foreach (var a in backTest.Accuracy)
    {
        Console.WriteLine($"  {TrendReport.Name(a.Method),-16} {a.Mae,7:0.000} {a.Rmse,7:0.000} {a.Mase,7:0.000}");
    }
}

// 4. Emerging now (latest day, with the forecast), and topics that emerged earlier (observed counts, day by day).
Console.WriteLine($"\nEmerging on {table.WindowStarts[^1]:yyyy-MM-dd}: {(analysis.Emerging.Count == 0 ? "none" : string.Join(", ", analysis.Emerging.Select(t => $"{t.Topic} (score {t.Score:0.0})")))}");
Console.WriteLine("Emerged earlier:");
foreach (var e in analysis.History.Take(5))
{
    Console.WriteLine($"  {e.Topic,-20} first flagged {e.FirstFlagged:yyyy-MM-dd}, peak {e.PeakCount} on {e.Peak:yyyy-MM-dd}, highest score {e.MaxScore:0.0}");
}

// 5. The report: trend lines with the forecasts dashed, and the back-test errors by method.
var folder = ArtifactsFolder("TrendForecast");
var path = TrendReport.Build(analysis, $"Trends in {Path.GetFileName(dataPath)}", topTopics: 3).Save(folder);
Console.WriteLine($"\nReport: {path}");

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
