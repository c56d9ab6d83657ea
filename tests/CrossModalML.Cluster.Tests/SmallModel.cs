using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using CrossModalML.Evaluation;
using Microsoft.ML;

namespace CrossModalML.Cluster.Tests;

/// <summary>A sentiment model trained once on 400 demo posts (built-in features), saved in a temp folder.</summary>
internal static class SmallModel
{
    private static readonly Lazy<string> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string DemoPosts { get; } = FindDemoPosts();

    public static string Path => Trained.Value;

    private static string Train()
    {
        var all = PostDatasetLoader.Load(DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });
        var data = all.Select([.. Enumerable.Range(0, 400)]);
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var ml = new MLContext(1);
        var result = new CrossModalTrainer(ml).Train(data, options);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"crossmodal-cluster-tests-{Guid.NewGuid():N}", "sentiment.zip");
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
        return path;
    }

    private static string FindDemoPosts()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "datasets", "demo", "posts.tsv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("datasets/demo/posts.tsv was not found above the test's folder.");
    }
}
