// AutoMLSearch: let the AutoML engine choose the trainer, its hyperparameters and the featurizer settings within a
// time budget, watch the trials as they finish (Ctrl+C cancels the search), then save the refit winner as a model zip
// whose manifest records the search.
// Usage: dotnet run -c Release --project samples/AutoMLSearch [-- path/to/posts.tsv label-column seconds]
using CrossModalML;
using CrossModalML.AutoML;
using CrossModalML.Featurization;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindAbove(Path.Combine("datasets", "demo", "posts.tsv"))
    ?? throw new FileNotFoundException("datasets/demo/posts.tsv was not found above the sample's folder; pass a data file as the first argument.");
string label = args.Length > 1 ? args[1] : args.Length > 0 ? "label" : "sentiment";
double seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;

var crossModal = new MLContext(seed: 1).CrossModal();
var data = crossModal.LoadPosts(dataPath, label);
var options = new AutoMLExperimentOptions();

// Pretrained word vectors join the text features when the shared GloVe model is beside the checkout; the search then
// tries the text block with and without them.
if (FindAbove(Path.Combine("..", "shared", "models", "glove6b-100d-mean", "glove6b-100d-mean-int8.onnx")) is { } glove)
{
    options.Featurizer.Text.WordVectors = WordVectorModelOptions.FromModel(glove);
    Console.WriteLine($"Word vectors: {glove}");
}

var budget = new SearchBudget { Time = TimeSpan.FromSeconds(seconds), TrialTimeLimit = TimeSpan.FromSeconds(Math.Max(10, seconds / 2)) };

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
    Console.WriteLine("Cancelling: the search stops after the running trial and nothing is saved.");
};

Console.WriteLine($"{data.RowCount} posts, {data.Task} on '{label}'; searching for {seconds:0} s (Ctrl+C cancels) …");
using var model = crossModal.Search(data, budget, options, new TrialPrinter(), cancellation.Token);

var search = model.SearchResult!.Search;
Console.WriteLine($"Stopped ({search.StopReason}) after {search.Trials.Count} trials. Top 3 by {search.Metric}:");
foreach (var trial in model.Leaderboard!.Take(3))
{
    Console.WriteLine($"  #{trial.Number} {trial.Configuration}: {trial.Score:0.000}");
}

var modelPath = Path.Combine(ArtifactsFolder("AutoMLSearch"), "model.zip");
model.Save(modelPath);
Console.WriteLine($"Winner {model.Manifest.Trainer.Name} refit on all {data.RowCount} posts and saved to {modelPath}");

static string? FindAbove(string relativePath)
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.GetFullPath(Path.Combine(directory.FullName, relativePath));
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
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

/// <summary>Prints each finished trial on the search's own thread, so lines come in order.</summary>
internal sealed class TrialPrinter : IProgress<CrossModalProgress>
{
    public void Report(CrossModalProgress progress)
    {
        if (progress.Trial is { Status: not TrialStatus.Running } t)
        {
            var score = t.Status == TrialStatus.Completed ? $"{t.Score:0.000} ± {t.ScoreStd:0.000}" : t.Message;
            Console.WriteLine($"  #{t.Number,-3} {t.Configuration.Trainer.Name,-24} {score} ({t.Duration.TotalSeconds:0.0} s){(t.IsNewBest ? "  best so far" : string.Empty)}");
        }
    }
}
