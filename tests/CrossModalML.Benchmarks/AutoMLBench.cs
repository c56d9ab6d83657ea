using System.Diagnostics;
using System.Globalization;
using CrossModalML.Analysis.Reporting;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Benchmarks;

/// <summary>CFO vs random search vs the default trainer at equal time budgets on MVSA-Single (text + MobileNetV2, stratified
/// 5-fold CV trials) and MediaEval 2015 (leave-one-event-out, 4 folds): best-so-far macro-F1 against wall time, as a
/// Markdown table on stdout and one PNG per data set. Usage: <c>-- automl OUTPUT_DIR [BUDGET_SECONDS [all|mvsa|mediaeval]]</c>.</summary>
/// <remarks>Per data set one trial runner (one feature cache) serves every method, and the start point's features are
/// computed before any clock starts, so no method pays for the shared featurization; features a method's own choices
/// need (other n-gram settings, built-in image statistics) are computed inside its budget, by whichever method first
/// asks for them.</remarks>
internal static class AutoMLBench
{
    private const int Seed = 1;

    public static void Run(string sharedRoot, string outputDirectory, double budgetSeconds, string which = "all")
    {
        Directory.CreateDirectory(outputDirectory);
        var budget = TimeSpan.FromSeconds(budgetSeconds);
        Console.WriteLine($"# AutoML benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, budget {budgetSeconds:0} s per method, seed {Seed}");
        Console.WriteLine();
        Console.WriteLine("| data set | method | trials | best at 30 s | at 60 s | at 120 s | at end | accuracy of best | winner |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");

        if (which is "all" or "mvsa")
        {
            RunMvsa(sharedRoot, outputDirectory, budget);
        }

        if (which is "all" or "mediaeval")
        {
            RunMediaEval(sharedRoot, outputDirectory, budget);
        }
    }

    private static void RunMvsa(string sharedRoot, string outputDirectory, TimeSpan budget)
    {
        var mvsaModel = Path.Combine(sharedRoot, "models", "mobilenetv2-12-int8", "mobilenetv2-12-int8-embed-rgb255.onnx");
        var mvsa = PostDatasetLoader.Load(Path.Combine(sharedRoot, "datasets", "mvsa-single", "posts.tsv"), new PostLoadOptions { LabelColumn = "label" });
        var glove = Path.Combine(sharedRoot, "models", "glove6b-100d-mean", "glove6b-100d-mean-int8.onnx");
        var mvsaFeaturizer = new FeaturizerOptions
        {
            Text = { WordVectors = WordVectorModelOptions.FromModel(glove) },
            Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.Onnx, Onnx = OnnxImageModelOptions.MobileNetV2(mvsaModel) },
        };
        Compare("mvsa-single", mvsa, mvsaFeaturizer, new EvaluationOptions(), budget, Path.Combine(outputDirectory, "automl-mvsa.png"));
    }

    private static void RunMediaEval(string sharedRoot, string outputDirectory, TimeSpan budget)
    {

        var mediaevalLoad = new PostLoadOptions { LabelColumn = "label" };
        mediaevalLoad.RoleOverrides["username"] = ColumnRole.Ignore;
        mediaevalLoad.RoleOverrides["image_ids"] = ColumnRole.Ignore;
        var mediaeval = PostDatasetLoader.Load(Path.Combine(sharedRoot, "datasets", "mediaeval2015-vmu", "posts.tsv"), mediaevalLoad);
        var grouped = new EvaluationOptions { Strategy = EvaluationStrategy.CrossValidation, Folds = 4, GroupColumn = "event" };
        Compare("mediaeval2015-vmu", mediaeval, new FeaturizerOptions(), grouped, budget, Path.Combine(outputDirectory, "automl-mediaeval.png"));
    }

    private static void Compare(string name, PostDataset data, FeaturizerOptions featurizer, EvaluationOptions evaluation, TimeSpan budget, string chartPath)
    {
        var metric = AutoMLMetric.MacroF1;
        var counts = data.GetLabels().GroupBy(l => l).Select(g => g.Count()).ToList();
        bool startWeighted = counts.Max() > 1.5 * counts.Min();
        var space = SearchSpaceCatalog.For(data.Task, data.RowCount, data.Columns, featurizer, startWeighted);
        var searchOptions = new AutoMLExperimentOptions { Featurizer = featurizer, Evaluation = evaluation, Seed = Seed };
        var runner = new CachedFeatureTrialRunner(data, featurizer, searchOptions.SearchEvaluation(), Seed);
        var prepare = Stopwatch.StartNew();
        runner.Prepare(TrialConfiguration.FromPoint(space, space.StartPoint(space.Trainers[0].TrainerName), featurizer).Featurizer, CancellationToken.None);
        runner.Prepare(FeaturizerChoice.From(featurizer), CancellationToken.None);
        Console.Error.WriteLine($"{name}: featurized in {prepare.Elapsed.TotalSeconds:0} s; {runner.EvaluationDescription}");

        var series = new List<ChartSeries>();

        // The default trainer: what plain `crossmodal train` fits (L-BFGS, min-max, words 1-2, characters 1-4).
        var defaultClock = Stopwatch.StartNew();
        var defaultConfiguration = new TrialConfiguration(TrainerFactory.Default(data.Task), FeaturizerChoice.From(featurizer));
        var folds = runner.Run(defaultConfiguration, CancellationToken.None);
        // Pooled over folds, as the searches score their trials.
        var pooled = MetricsCalculator.Average(folds);
        double defaultScore = AutoMLMetrics.Read(metric, pooled);
        double defaultSeconds = defaultClock.Elapsed.TotalSeconds;
        double defaultAccuracy = pooled.Accuracy ?? double.NaN;
        Console.Error.WriteLine($"{name}: default trainer scored in {defaultSeconds:0} s");
        Row(name, "default trainer", 1, [new ChartPoint(defaultSeconds, defaultScore)], defaultAccuracy, defaultConfiguration.ToString());
        series.Add(new ChartSeries("default trainer", [new ChartPoint(defaultSeconds, defaultScore), new ChartPoint(budget.TotalSeconds, defaultScore)]));

        foreach (var kind in new[] { TunerKind.Cfo, TunerKind.Random })
        {
            var options = new AutoMLExperimentOptions { Budget = new() { Time = budget, Tuner = kind }, Seed = Seed, Featurizer = featurizer, Evaluation = evaluation };
            ITuner tuner = kind == TunerKind.Random ? new RandomTuner(space, Seed) : new CfoTuner(space, Seed);
            var curve = new List<ChartPoint>();
            var clock = Stopwatch.StartNew();
            double best = double.NegativeInfinity;
            var recorder = new Recorder(trial =>
            {
                if (trial.Status == TrialStatus.Completed && trial.Score > best)
                {
                    best = trial.Score;
                    curve.Add(new ChartPoint(clock.Elapsed.TotalSeconds, best));
                }
            });
            var search = new AutoMLExperiment(new MLContext(Seed), options).Search(space, tuner, runner, metric, recorder);

            // An abandoned trial keeps running; the next method's clock must not start while it holds a core.
            var straggling = Stopwatch.StartNew();
            search.AbandonedTrialsStopped.Wait();
            if (straggling.Elapsed.TotalSeconds >= 1)
            {
                Console.Error.WriteLine($"{name}: waited {straggling.Elapsed.TotalSeconds:0} s for abandoned {kind} trials to stop");
            }
            var label = kind == TunerKind.Cfo ? "CFO (cost-frugal + ECI)" : "random search";
            Row(name, label, search.Trials.Count, curve, search.Best?.Metrics?.Accuracy ?? double.NaN, search.Best?.Configuration.ToString() ?? "—");
            if (curve.Count > 0)
            {
                curve.Add(new ChartPoint(Math.Max(curve[^1].X, search.Elapsed.TotalSeconds), curve[^1].Y));
                series.Add(new ChartSeries(label, StepCurve(curve)));
            }
        }

        Chart.Lines($"{name}: best-so-far macro-F1 against wall time", "seconds", "macro-F1 (search cross-validation)", series).SavePng(chartPath);
    }

    /// <summary>Best-so-far is a step function: each value holds until the next improvement.</summary>
    private static List<ChartPoint> StepCurve(List<ChartPoint> curve)
    {
        var steps = new List<ChartPoint> { curve[0] };
        for (int i = 1; i < curve.Count; i++)
        {
            steps.Add(new ChartPoint(curve[i].X, curve[i - 1].Y));
            steps.Add(curve[i]);
        }

        return steps;
    }

    private static void Row(string dataset, string method, int trials, List<ChartPoint> curve, double accuracy, string winner)
    {
        string At(double seconds) => curve.LastOrDefault(p => p.X <= seconds) is { } p && p != default ? F(p.Y) : "—";
        Console.WriteLine($"| {dataset} | {method} | {trials} | {At(30)} | {At(60)} | {At(120)} | {(curve.Count > 0 ? F(curve[^1].Y) : "—")} | {F(accuracy)} | {winner.Replace(" | ", "; ", StringComparison.Ordinal)} |");
    }

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously on the search's thread, so the clock reading is the moment the trial ended.</summary>
    private sealed class Recorder(Action<TrialResult> report) : IProgress<TrialResult>
    {
        public void Report(TrialResult value) => report(value);
    }
}
