// QuickStart: train a text + image + metadata sentiment model on the demo posts, save it, and score a new post.
// Usage: dotnet run --project samples/QuickStart [-- path/to/posts.tsv label-column]
using CrossModalML;
using CrossModalML.Prediction;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
string label = args.Length > 1 ? args[1] : "sentiment";

// Everything hangs off one MLContext; its seed is the seed of every split and fit.
var crossModal = new MLContext(seed: 1).CrossModal();

// 1. Load the posts: column roles (text, image, numeric, ...) are inferred from the header and the values.
var data = crossModal.LoadPosts(dataPath, label);
Console.WriteLine($"{data.RowCount} posts, task {data.Task}, classes: {string.Join(", ", data.ClassLabels)}");
foreach (var column in data.Columns)
{
    Console.WriteLine($"  {column.Name,-12} {column.Role}");
}

// 2. Train: every modality is featurized and fused; quality is measured on a stratified hold-out, then the model is refit on all rows.
using var model = crossModal.Fit(data, progress: new Progress<CrossModalProgress>(p => Console.WriteLine($"[{p.Step}/{p.TotalSteps}] {p.Message}")));
Console.WriteLine($"{model.Manifest.Trainer.Name}, {model.Manifest.Evaluation}: accuracy {model.Metrics?.Accuracy:0.000}, macro-F1 {model.Metrics?.MacroF1:0.000}");

// 3. Save one zip holding the ML.NET model and its manifest.
var modelPath = Path.Combine(ArtifactsFolder("QuickStart"), "model.zip");
model.Save(modelPath);
Console.WriteLine($"Saved {modelPath}");

// 4. Serve it: the predictor is thread-safe and scores posts given as column → value.
using var predictor = model.CreatePredictor(new PredictorOptions { ImageBaseDirectory = Path.GetDirectoryName(dataPath) });
var post = new Dictionary<string, string?>
{
    ["text"] = "What a wonderful morning at the market, best coffee ever :) #coffee",
    ["image"] = "images/00001.png",
    ["timestamp"] = "2026-02-14T08:30:00Z",
    ["likes"] = "42",
    ["shares"] = "3",
};
var prediction = predictor.Predict(post);
Console.WriteLine($"Predicted: {prediction.PredictedLabel} ({string.Join(", ", prediction.Probabilities.Select(p => $"{p.Key} {p.Value:0.00}"))})");

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
