// MultiTaskSentiment: one model, several labels of the same posts. On MVSA-Single this is the field's classic
// text-and-image sentiment setup: a text head reading only the text features (text_label), an image head reading only
// the image features (image_label) and a joint head on both (label), over one shared text + image featurization; the
// joint head may also read the other two heads' predictions (stacking).
// Usage: dotnet run --project samples/MultiTaskSentiment [-- path/to/posts.tsv [label,text_label,image_label]]
using CrossModalML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.MultiTask;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using Microsoft.ML;

bool demo = args.Length == 0;
string dataPath = demo ? FindDemoData() : args[0];
string[] labels = (args.Length > 1 ? args[1] : demo ? "sentiment,topic" : "label,text_label,image_label").Split(',', StringSplitOptions.TrimEntries);

// 1. Load with the main label; the other labels are tasks, so they are kept out of the features (the trainer enforces it too).
var loadOptions = new PostLoadOptions { LabelColumn = labels[0] };
foreach (var other in labels.Skip(1))
{
    loadOptions.RoleOverrides[other] = ColumnRole.Ignore;
}

var crossModal = new MLContext(seed: 1).CrossModal();
var data = crossModal.LoadPosts(dataPath, loadOptions);
Console.WriteLine($"{data.RowCount} posts from {dataPath}; tasks: {string.Join(", ", labels)} (main: {labels[0]})");

// 2. Train: the featurizer is fitted once and shared; each task gets its own head; a 20 % hold-out compares every head
//    with a separate single-task model trained on the same rows (which reads every modality). A text-only or image-only
//    label gets a head on its own modality's features; on the demo set the topic, written in the hashtags, gets the text.
var headModalities = new Dictionary<string, Modality>
{
    ["text_label"] = Modality.Text,
    ["image_label"] = Modality.Image,
    ["topic"] = Modality.Text,
};
var options = new MultiTaskOptions
{
    Labels = labels,
    HeadModalities = headModalities.Where(h => labels.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value),
    Evaluation = { Strategy = EvaluationStrategy.HoldOut },
    Stacking = StackingMode.Auto,
    OutOfFoldFolds = 3,
};
using var model = crossModal.FitMultiTask(data, options, new Progress<CrossModalProgress>(p => Console.WriteLine($"  [{p.Step}/{p.TotalSteps}] {p.Message}")));
var result = model.MultiTaskResult!;
Console.WriteLine($"{result.EvaluationDescription}; shared featurizer fitted {result.SharedFeaturizerFits} times for {labels.Length} tasks");
foreach (var task in result.Tasks)
{
    Console.WriteLine(
        $"  {task.Name,-12} on {task.Modalities,-22} macro-F1 multi-task {task.Metrics?.MacroF1:0.000} vs separate {task.SeparateMetrics?.MacroF1:0.000} → {task.VersusSeparate}" +
        (task.StackedInputs.Count > 0 ? $" (stacks {string.Join(", ", task.StackedInputs)})" : string.Empty));
}

Console.WriteLine($"Stacking {(result.Stacking.Used ? "used" : "not used")}: {result.Stacking.Reason}");

// 3. One zip holds the featurizer and every head; its manifest lists the tasks.
var modelPath = Path.Combine(ArtifactsFolder("MultiTaskSentiment"), "model.zip");
model.Save(modelPath);
Console.WriteLine($"Saved {modelPath}");

// 4. One call answers every task.
using var predictor = model.CreatePredictor(new PredictorOptions { ImageBaseDirectory = Path.GetDirectoryName(dataPath) });
var texts = data.GetColumnValues(data.Columns.First(c => c.Role == ColumnRole.Text).Name);
var post = data.Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore))
    .ToDictionary(c => c.Name, c => (string?)data.GetColumnValues(c.Name)[0]);
var prediction = predictor.Predict(post);
Console.WriteLine($"\"{texts[0]}\"");
foreach (var (task, answer) in prediction.Tasks)
{
    Console.WriteLine($"  {task,-12} {answer.PredictedLabel} ({answer.Probabilities[answer.PredictedLabel!]:P0})");
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
