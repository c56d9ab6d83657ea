using System.Text.RegularExpressions;

namespace CrossModalML.Cli.Commands;

/// <summary>Rewrites the library's option property names in an error message into the flags that set them, so a CLI
/// user reads <c>--folds</c> where a C# caller reads <c>TrainingOptions.Evaluation.Folds</c>.</summary>
internal static class FlagNames
{
    // Longest names first, so a qualified name is replaced before a shorter one it contains.
    private static readonly (string Property, string Flag)[] Map = new (string Property, string Flag)[]
    {
        ("WorkerOptions.SiloPort and WorkerOptions.GatewayPort", "--port and --gateway-port"),
        ("WorkerOptions.KubernetesHosting", "--kubernetes"),
        ("WorkerOptions.OnnxThreads", "--threads"),
        ("WorkerOptions.DataRoot", "--data-root"),
        ("ClusterConnectionOptions.ItemsPerWorker", "--items-per-worker"),
        ("ClusterConnectionOptions.DataRoot", "--data-root"),
        ("ClusterConnectionOptions.ClusterId and ClusterConnectionOptions.ServiceId", "--cluster-id"),
        ("TrainingOptions.Evaluation.Folds", "--folds"),
        ("TrainingOptions.Evaluation.TestFraction", "--test-fraction"),
        ("TrainingOptions.Evaluation.GroupColumn", "--group-by"),
        ("TrainingOptions.Evaluation.TimeColumn", "--time-split"),
        ("MultiTaskOptions.Evaluation.Folds", "--folds"),
        ("MultiTaskOptions.Evaluation.TestFraction", "--test-fraction"),
        ("MultiTaskOptions.Evaluation.GroupColumn", "--group-by"),
        ("MultiTaskOptions.Evaluation.TimeColumn", "--time-split"),
        ("AutoMLExperimentOptions.Evaluation.Folds", "--folds"),
        ("AutoMLExperimentOptions.Evaluation.TestFraction", "--test-fraction"),
        ("AutoMLExperimentOptions.Evaluation.GroupColumn", "--group-by"),
        ("AutoMLExperimentOptions.Evaluation.TimeColumn", "--time-split"),
        ("EvaluationOptions.Folds", "--folds"),
        ("EvaluationOptions.TestFraction", "--test-fraction"),
        ("EvaluationOptions.GroupColumn", "--group-by"),
        ("EvaluationOptions.TimeColumn", "--time-split"),
        ("EvaluationOptions.Strategy = CrossValidation", "--evaluation CrossValidation"),
        ("EvaluationOptions.Strategy = HoldOut", "--evaluation HoldOut"),
        ("EvaluationStrategy.None", "--evaluation None"),
        ("TrainingOptions.StackingFolds", "--stacking-folds"),
        ("TrainingOptions.TuneDecisionThreshold", "--tune-threshold"),
        ("TrainingOptions.Fusion = FusionKind.Early", "--fusion early"),
        ("AutoMLExperimentOptions.Fusion = FusionKind.Early", "--fusion early"),
        ("TrainingOptions.Fusion = FusionKind.Late", "--fusion late"),
        ("TrainingOptions.Fusion", "--fusion"),
        ("MultiTaskOptions.OutOfFoldFolds", "--stacking-folds"),
        ("MultiTaskOptions.Featurizer.Modalities", "--modalities"),
        ("MultiTaskOptions.HeadModalities", "--head-modalities"),
        ("MultiTaskOptions.Labels", "--label"),
        ("RetrainingOptions.Search.Budget.Time", "--time"),
        ("RetrainingOptions.Search.Budget.MaxTrials", "--max-trials"),
        ("RetrainingOptions.Search.Budget.TrialTimeLimit", "--trial-time"),
        ("AutoMLExperimentOptions.StartMinimumStandardErrors", "--min-lead-se"),
        ("AutoMLExperimentOptions.EnsembleMinimumStandardErrors", "--min-lead-se"),
        ("AutoMLExperimentOptions.Budget.Time", "--time"),
        ("AutoMLExperimentOptions.Budget.MaxTrials", "--max-trials"),
        ("AutoMLExperimentOptions.Budget.MemoryLimitBytes", "--memory-limit"),
        ("AutoMLExperimentOptions.Budget.TrialMemoryLimitBytes", "--trial-memory"),
        ("AutoMLExperimentOptions.Budget.TrialTimeLimit", "--trial-time"),
        ("FeaturizerOptions.Modalities", "--modalities"),
        ("FeaturizerOptions.Image.Onnx", "--image-model"),
        ("FeaturizerOptions.Text.WordVectors", "--word-vectors"),
        ("ImageFeaturizerOptions.Onnx", "--image-model"),
        ("OnnxImageModelOptions.ModelPath", "--image-model"),
        ("OnnxImageModelOptions.OutputColumnName", "--image-model-output"),
        ("OnnxImageModelOptions.InputColumnName", "--image-model-input"),
        ("WordVectorModelOptions.ModelPath", "--word-vectors"),
        ("WordVectorModelOptions.VocabularyPath", "--word-vectors-vocab"),
        ("WordVectorModelOptions.InputColumnName", "--word-vectors-input"),
        ("WordVectorModelOptions.OutputColumnName", "--word-vectors-output"),
        ("RetrainingOptions.ImageModelPath", "--image-model"),
        ("RetrainingOptions.WordVectorModelPath", "--word-vectors"),
        ("RetrainingOptions.WordVectorVocabularyPath", "--word-vectors-vocab"),
        ("RetrainingOptions.TestFraction", "--test-fraction"),
        ("RetrievalOptions.Components", "--components"),
        ("RetrievalOptions.TextColumn", "--text"),
        ("RetrievalOptions.ImageColumn", "--image"),
        ("UserBehaviourOptions.UserColumn", "--user"),
        ("TrendOptions.TimestampColumn", "--timestamp"),
        ("TrendOptions.TopicSource = TrendTopicSource.Column with TrendOptions.TopicColumn", "--by COLUMN"),
        ("TrendOptions.TopicColumn", "--by"),
        ("TrendOptions.Window", "--window"),
        ("PatternOptions.Topics.TopicCount", "--topics"),
        ("PostLoadOptions.RoleOverrides", "a role flag (--text, --image, --numeric, --categorical or --ignore)"),
        ("PostLoadOptions.LabelColumn", "--label"),
        ("PostLoadOptions.Task", "--task"),
        (" (or set PostLoadOptions.Format)", string.Empty),
        (" (or set PostLoadOptions.AllowQuoting)", string.Empty),
    }.OrderByDescending(p => p.Property.Length).ToArray();

    /// <summary><c>PostLoadOptions.RoleOverrides["col"] = ColumnRole.Text</c>: the role's own flag.</summary>
    private static readonly Regex RoleOverride = new(@"PostLoadOptions\.RoleOverrides\[[""']([^""']+)[""']\] = ColumnRole\.(\w+)", RegexOptions.CultureInvariant);

    /// <summary>The message with every known property name replaced by its flag.</summary>
    public static string Translate(string message)
    {
        message = RoleOverride.Replace(message, m => $"--{m.Groups[2].Value.ToLowerInvariant()} {m.Groups[1].Value}");
        foreach (var (property, flag) in Map)
        {
            message = message.Replace(property, flag, StringComparison.Ordinal);
        }

        return message;
    }
}
