// WebApiScoring: serve a CrossModalML model over HTTP on 127.0.0.1.
// Usage: dotnet run --project samples/WebApiScoring -- --model model.zip [--image-root DIR] [--port 5080] [--max-image-pixels N]
//   POST /predict        one post as JSON          → {"predictedLabel": ..., "probabilities": {...}}
//   POST /predict/batch  a JSON array of posts     → an array of predictions, in order
//   GET  /health         model version, task, classes
// Answers name no server path: refused image paths and failed reloads are described to the client in its own terms and
// logged in full on the server.
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossModalML;
using CrossModalML.Data;
using CrossModalML.Prediction;
using Microsoft.ML;
using WebApiScoring;

const int MaxBatchPosts = 256;
const long MaxRequestBytes = 8 * 1024 * 1024;

var builder = WebApplication.CreateSlimBuilder(args);
var modelPath = builder.Configuration["model"] ?? throw new ArgumentException("Pass the model zip with --model PATH.");
var port = builder.Configuration.GetValue("port", 5080);
var maxImagePixels = builder.Configuration.GetValue("max-image-pixels", new PredictorOptions().MaxImagePixels);

// Without --image-root only uploaded (base64) images are scored: the root is then a private temp directory.
var imageRoot = Path.GetFullPath(builder.Configuration["image-root"] ?? Directory.CreateTempSubdirectory("crossmodal-web-").FullName);
var uploads = Directory.CreateDirectory(Path.Combine(imageRoot, ".crossmodal-uploads")).FullName;

// Loopback only: this sample has no authentication.
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);

var app = builder.Build();
using var predictor = new MLContext().CrossModal().LoadPredictor(modelPath, new PredictorOptions
{
    AllowedImageRoot = imageRoot,
    MaxImagePixels = maxImagePixels,
    ReloadOnChange = true,
    ReloadFailed = error => app.Logger.LogWarning("Reloading the model failed; the previous model is still serving: {Error}", error.Message),
});
var serverPaths = new ServerPaths(imageRoot, uploads);

app.MapGet("/health", () => Results.Ok(new
{
    status = "ok",
    modelVersion = predictor.ModelVersion,
    task = predictor.Manifest.Task.ToString(),
    classLabels = predictor.Manifest.ClassLabels,
    lastReloadError = predictor.LastReloadError is { } error
        ? $"The model file changed but could not be loaded ({error.GetType().Name}); the previous model is still serving. The server log has the details."
        : null,
}));

app.MapPost("/predict", async (HttpRequest request) =>
{
    var body = await ReadJson(request);
    return body.Error ?? Score(body.Node, single: true);
});

app.MapPost("/predict/batch", async (HttpRequest request) =>
{
    var body = await ReadJson(request);
    if (body.Error is { } error)
    {
        return error;
    }

    if (body.Node is not JsonArray posts)
    {
        return BadRequest("The body must be a JSON array of posts.");
    }

    if (posts.Count > MaxBatchPosts)
    {
        return BadRequest($"A batch holds at most {MaxBatchPosts} posts; this one has {posts.Count}.");
    }

    return Score(posts, single: false);
});

app.Lifetime.ApplicationStopped.Register(() =>
{
    if (Directory.Exists(uploads) && Directory.GetFileSystemEntries(uploads).Length == 0)
    {
        Directory.Delete(uploads);
    }
});
app.Run();

IResult Score(JsonNode? payload, bool single)
{
    using var images = new UploadedImages(uploads);
    try
    {
        var posts = single ? [payload] : ((JsonArray)payload!).ToList();
        var predictions = new List<PostPrediction>(posts.Count);
        for (int i = 0; i < posts.Count; i++)
        {
            var post = images.Materialize(posts[i], predictor.Manifest);
            RequireText(post, predictor.Manifest, i, single);
            predictions.Add(predictor.Predict(JsonSerializer.SerializeToElement(post)));
        }

        return single ? Results.Ok(predictions[0]) : Results.Ok(predictions);
    }
    catch (ImagePathException ex)
    {
        // The full message names resolved paths and link targets: the log gets it, the client only what it sent.
        app.Logger.LogWarning("Refused an image: {Detail}", ex.Message);
        return BadRequest(serverPaths.Redact(images.Redact(ex.PublicMessage)));
    }
    catch (ArgumentException ex)
    {
        return BadRequest(serverPaths.Redact(images.Redact(ex.Message)));
    }
}

// A post without any text is almost always a client bug (a misspelled key), so it is refused rather than scored.
static void RequireText(JsonObject post, CrossModalML.Packaging.ModelManifest manifest, int index, bool single)
{
    var textColumns = manifest.Columns.Where(c => c.Role == ColumnRole.Text).Select(c => c.Name).ToList();
    if (textColumns.Count == 0)
    {
        return;
    }

    bool hasText = post.Any(p => textColumns.Contains(p.Key, StringComparer.OrdinalIgnoreCase)
        && p.Value is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text));
    if (!hasText)
    {
        var where = single ? "The post" : $"Post {index + 1}";
        throw new ArgumentException($"{where} has no text; give a non-empty string in {string.Join(" or ", textColumns.Select(c => $"'{c}'"))}.");
    }
}

static async Task<(JsonNode? Node, IResult? Error)> ReadJson(HttpRequest request)
{
    try
    {
        return (await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }), null);
    }
    catch (JsonException ex)
    {
        return (null, BadRequest($"The body is not valid JSON: {ex.Message}"));
    }
    catch (BadHttpRequestException ex)
    {
        return (null, Results.Json(new { error = ex.Message }, statusCode: ex.StatusCode));
    }
}

static IResult BadRequest(string message) => Results.BadRequest(new { error = message });
