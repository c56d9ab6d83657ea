#region README usings
using CrossModalML;
using Microsoft.ML;
#endregion

namespace CrossModalML.Tests.FrontDoor;

/// <summary>The C# example of README.md's "From C#" section, compiled here so that it cannot drift: the README block is
/// this file's two regions (<see cref="ReadmeSnippetTests"/> checks that) and a test runs it on demo posts.</summary>
internal static class ReadmeSnippet
{
    /// <summary>Runs the example in the current directory, which must hold <c>posts.tsv</c>.</summary>
    public static void Run()
    {
        #region README body
        var ml = new MLContext(seed: 1);
        var posts = ml.CrossModal().LoadPosts("posts.tsv", "sentiment");
        using (var model = ml.CrossModal().Search(posts)) model.Save("sentiment.zip"); // balanced preset: a search sized to the posts
        using var predictor = ml.CrossModal().LoadPredictor("sentiment.zip");
        var prediction = predictor.Predict(new Dictionary<string, string?> { ["text"] = "Best concert ever!", ["image"] = "img/1.jpg" });
        Console.WriteLine($"{prediction.PredictedLabel}: {prediction.Probabilities[prediction.PredictedLabel!]:P0}");
        #endregion
    }
}
