// CrossModalSearch: learn a shared text–image space from paired posts, measure held-out retrieval, then search it.
// Usage: dotnet run --project samples/CrossModalSearch [-- path/to/posts.tsv [path/to/image-encoder.onnx]]
using CrossModalML;
using CrossModalML.Analysis.Retrieval;
using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;

string dataPath = args.Length > 0 ? args[0] : FindDemoData();
var options = new RetrievalOptions();
if (args.Length > 1)
{
    // A pretrained encoder (e.g. ../shared/models/mobilenetv2-12-int8/mobilenetv2-12-int8-embed-rgb255.onnx) replaces the built-in image statistics.
    options.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(args[1]) };
}

// 1. Load the posts without a label: the text and image columns are recognised from the header and the values.
var data = new MLContext(seed: 1).CrossModal().LoadPosts(dataPath);
Console.WriteLine($"{data.RowCount} posts from {dataPath}");
var progress = new Progress<string>(Console.WriteLine);

// 2. Measure: hold out 20 % of the text–image pairs, fit on the rest, and rank every held-out image for every held-out text.
var evaluation = RetrievalEvaluator.Evaluate(data, options, testFraction: 0.2, progress);
Console.WriteLine($"\nHeld-out retrieval, {evaluation.TestPairs} candidates per query ({evaluation.Components} components):");
Console.WriteLine($"  {"",-28} {"R@1",6} {"R@5",6} {"R@10",6} {"median rank",12}");
Print("CCA text → image", evaluation.TextToImage);
Print("CCA image → text", evaluation.ImageToText);
Print("least squares text → image", evaluation.LeastSquaresTextToImage);
Print("least squares image → text", evaluation.LeastSquaresImageToText);
Print("PLS text → image", evaluation.PartialLeastSquaresTextToImage!);
Print("PLS image → text", evaluation.PartialLeastSquaresImageToText!);
Print("random", evaluation.Random);

// 3. Fit on every pair with the method that won on the held-out pairs (CCA or PLS only when it beats least squares), and
//    index every post; each hit carries its post's id, a text excerpt and the image path.
options.Method = evaluation.Winner;
using var space = CrossModalSpace.Fit(data, options);
Console.WriteLine($"\nThe space uses {space.Method}: {space.MethodReason}.");
using var index = SearchIndex.Build(space, data);
var ids = data.Columns.First(c => c.Role == ColumnRole.Id).Name;
var texts = data.GetColumnValues(space.TextColumn);
var images = data.GetColumnValues(space.ImageColumn);

// 4. Query: a few posts' texts look for images, and one post's image looks for texts.
foreach (var row in new[] { 0, data.RowCount / 3, 2 * data.RowCount / 3 })
{
    Console.WriteLine($"\nText of post {data.GetColumnValues(ids)[row]}: \"{texts[row]}\"");
    foreach (var hit in index.FindImagesForText(texts[row], 3))
    {
        Console.WriteLine($"  image of post {hit.Id,-8} cosine {hit.Score:0.000}  {Path.GetFileName(hit.ImagePath)}  \"{hit.Text}\"");
    }
}

var imageRow = Enumerable.Range(0, data.RowCount).First(r => images[r].Length > 0);
Console.WriteLine($"\nImage {Path.GetFileName(images[imageRow])} of post {data.GetColumnValues(ids)[imageRow]}, whose text is \"{texts[imageRow]}\":");
foreach (var hit in index.FindTextsForImage(images[imageRow], 3))
{
    Console.WriteLine($"  text of post {hit.Id,-8} cosine {hit.Score:0.000}  \"{hit.Text}\"");
}

static void Print(string name, RetrievalMetrics m) =>
    Console.WriteLine($"  {name,-28} {m.RecallAt1,6:0.000} {m.RecallAt5,6:0.000} {m.RecallAt10,6:0.000} {m.MedianRank,12:0.#}");

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
