using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.TestSupport;

/// <summary>One sentiment model trained on the demo posts, shared by the tests that only need some model to load.</summary>
internal static class DemoModel
{
    private static readonly Lazy<(string Path, PostDataset Data, TrainingResult Result)> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ModelPath => Trained.Value.Path;

    public static PostDataset Data => Trained.Value.Data;

    public static TrainingResult Result => Trained.Value.Result;

    private static (string, PostDataset, TrainingResult) Train()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var ml = new MLContext(1);
        var result = new CrossModalTrainer(ml).Train(data, options);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"crossmodal-tests-{Guid.NewGuid():N}", "demo-sentiment.zip");
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
        return (path, data, result);
    }
}
