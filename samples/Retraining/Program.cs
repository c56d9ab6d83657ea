// Retraining: train on the older half of the demo posts, then refit the same pipeline on the newer half and compare
// the old and the new model on a hold-out of the newer posts.
// Usage: dotnet run --project samples/Retraining [-- path/to/posts.tsv label-column]
using CrossModalML;
using CrossModalML.Evaluation;
using CrossModalML.Retraining;
using CrossModalML.Training;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
string label = args.Length > 1 ? args[1] : "sentiment";
var crossModal = new MLContext(seed: 1).CrossModal();
var data = crossModal.LoadPosts(dataPath, label);

// The demo posts are in time order, so the halves stand for "last month" and "this month".
int half = data.RowCount / 2;
var older = data.Select(Enumerable.Range(0, half).ToArray());
var newer = data.Select(Enumerable.Range(half, data.RowCount - half).ToArray());
Console.WriteLine($"{data.RowCount} posts: training on the first {older.RowCount}, retraining on the last {newer.RowCount}.");

// 1. The model in production, trained on the older posts.
using var production = crossModal.Fit(older, new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.None } });
var directory = ArtifactsFolder("Retraining");
var oldModel = Path.Combine(directory, "model-v1.zip");
var newModel = Path.Combine(directory, "model-v2.zip");
production.Save(oldModel);
Console.WriteLine($"Saved {oldModel} ({production.Manifest.Trainer})");

// 2. Retrain: same columns, featurizer, trainer and hyperparameters, read from the old model's manifest.
using var model = crossModal.Retrain(oldModel, newer, new RetrainingOptions { TestFraction = 0.25 },
    new Progress<CrossModalProgress>(p => Console.WriteLine($"[{p.Step}/{p.TotalSteps}] {p.Message}")));
model.Save(newModel);
var retrained = model.RetrainingResult!;

// 3. Compare on the same hold-out of the newer posts.
Console.WriteLine($"Hold-out: {retrained.HoldOutRows} newer posts");
Console.WriteLine($"  {"",-10} {"accuracy",9} {"macro-F1",9} {"log-loss",9}");
Console.WriteLine($"  {"old model",-10} {retrained.OldMetrics.Accuracy,9:0.0000} {retrained.OldMetrics.MacroF1,9:0.0000} {retrained.OldMetrics.LogLoss,9:0.0000}");
Console.WriteLine($"  {"new model",-10} {retrained.NewMetrics.Accuracy,9:0.0000} {retrained.NewMetrics.MacroF1,9:0.0000} {retrained.NewMetrics.LogLoss,9:0.0000}");
Console.WriteLine($"macro-F1 change {retrained.PrimaryChange:+0.0000;-0.0000;0.0000}: the new model is {(retrained.Improved ? "better" : "not better")}.");
Console.WriteLine($"New model (refit on all {retrained.TrainingRows} newer posts): {newModel}; {oldModel} is unchanged.");

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
