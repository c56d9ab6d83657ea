// ExplainPrediction: train a fused model, then ask what it relies on — overall (permutation importance by modality
// and column) and for single posts (occlusion: "the image pushed this post towards 'negative'").
// Usage: dotnet run --project samples/ExplainPrediction [-- path/to/posts.tsv label-column]
using CrossModalML;
using CrossModalML.Analysis.Explanations;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Training;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
string label = args.Length > 1 ? args[1] : args.Length > 0 ? "label" : "sentiment";

// 1. Train and save a fused model (evaluated on a 20 % hold-out, refit on every row).
var crossModal = new MLContext(seed: 1).CrossModal();
var data = crossModal.LoadPosts(dataPath, label);
using var model = crossModal.Fit(data, new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } });
var modelPath = Path.Combine(ArtifactsFolder("ExplainPrediction"), "model.zip");
model.Save(modelPath);
Console.WriteLine($"{data.RowCount} posts; {model.Manifest.Trainer.Name}, hold-out macro-F1 {model.Metrics?.MacroF1:0.000}; saved {modelPath}");

using var predictor = model.CreatePredictor();

// 2. Global: scramble each modality (and each column) across posts and measure the macro-F1 lost. These posts were
//    trained on, so the baseline is optimistic; explain held-out posts to judge quality, as `crossmodal explain` does on any file.
var sample = Enumerable.Range(0, data.RowCount).Where(i => i % Math.Max(1, data.RowCount / 400) == 0).ToList();
var labelled = predictor.LoadInput(dataPath, requireLabel: true).Select(sample);
var global = new ModelExplainer(predictor, new ExplainerOptions { Repeats = 2 }).ExplainGlobal(labelled);
Console.WriteLine($"Global, on {global.Rows} posts (baseline {global.Metric} {global.Baseline:0.000}):");
foreach (var modality in global.Modalities)
{
    Console.WriteLine($"  {modality.Name,-10} {global.Metric} lost when permuted: {modality.Drop:0.000} ± {modality.DropStandardDeviation:0.000}");
}

// 3. Per post, straight from the predictor: each modality's contribution to this post's predicted class.
var columns = labelled.Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore)).Select(c => c.Name).ToList();
var values = columns.ToDictionary(c => c, labelled.GetColumnValues);
var textColumn = labelled.Columns.First(c => c.Role == ColumnRole.Text).Name;
for (int i = 0; i < Math.Min(5, labelled.RowCount); i++)
{
    var post = columns.ToDictionary(c => c, c => (string?)values[c][i]);
    var explanation = predictor.Explain(post);
    Console.WriteLine($"\"{values[textColumn][i]}\"");
    Console.WriteLine($"  → {explanation.PredictedLabel} ({explanation.Score:P0}): {explanation.Summary()}");
    Console.WriteLine($"    {string.Join(", ", explanation.Modalities.Select(m => $"{m.Name} {m.Delta:+0.00;-0.00}"))}");
}

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
