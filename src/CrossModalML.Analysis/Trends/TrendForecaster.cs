using CrossModalML.Data;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Analysis.Trends;

/// <summary>A regression model fitted on a <see cref="TrendTable"/>'s lag features that forecasts each topic's count in a
/// window from the windows before it.</summary>
/// <remarks>
/// <para>Training rows are (topic, window) pairs: the <see cref="TrendFeatures"/> at window t and the count at t + 1, for
/// every topic already seen by t. Topics not yet seen have no history to forecast from and are left out. The model learns
/// ln(1 + count) and a forecast is exp(score) − 1: on that scale a single burst does not dominate the loss, and the
/// forecast sits near the typical count (below the mean when counts are skewed), which lowers absolute error.</para>
/// <para>Immutable once fitted; <see cref="Forecast"/> is safe to call from several threads (calls are serialised).</para>
/// </remarks>
public sealed class TrendForecaster
{
    private readonly MLContext _mlContext;
    private readonly ITransformer _model;
    private readonly TrendOptions _options;
    private readonly SchemaDefinition _schema;
    private readonly Lock _scoring = new();

    private TrendForecaster(MLContext mlContext, ITransformer model, TrendOptions options, SchemaDefinition schema, TrainerSpec trainer, int rows, int windows)
    {
        _mlContext = mlContext;
        _model = model;
        _options = options;
        _schema = schema;
        Trainer = trainer;
        TrainingRows = rows;
        TrainingWindows = windows;
    }

    /// <summary>The trainer and hyperparameters the model was fitted with.</summary>
    public TrainerSpec Trainer { get; }

    /// <summary>The (topic, window) rows the model learned from.</summary>
    public int TrainingRows { get; }

    /// <summary>The windows the model saw: targets were windows 1 to this − 1.</summary>
    public int TrainingWindows { get; }

    /// <summary>Fits a forecaster on the first <paramref name="windowCount"/> windows of a table.</summary>
    /// <param name="table">The counts.</param>
    /// <param name="options">Feature settings and seed (<see langword="null"/> for the defaults).</param>
    /// <param name="trainer">A regression trainer (<see cref="TrainerFactory.NamesFor"/>); <see langword="null"/> for
    /// <see cref="TrendOptions.Trainer"/>, or <see cref="TrendOptions.DefaultTrainer"/> when that is unset.</param>
    /// <param name="windowCount">Windows to learn from (targets are windows 1 to windowCount − 1); <see langword="null"/> for all.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 windows, or more than the table has.</exception>
    /// <exception cref="ArgumentException">The trainer is not a regression trainer, or no topic was seen early enough to give a training row.</exception>
    public static TrendForecaster Fit(TrendTable table, TrendOptions? options = null, TrainerSpec? trainer = null, int? windowCount = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TrendOptions();
        options.Validate();
        int windows = windowCount ?? table.WindowCount;
        if (windows < 2 || windows > table.WindowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(windowCount), windows, $"A fit needs 2 to {table.WindowCount} windows (one of features and one of targets at least).");
        }

        var spec = trainer ?? options.Trainer ?? TrendOptions.DefaultTrainer;
        var rows = TrendExamples.ForTargets(table, options, 1, windows);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"No topic has posts in the first {windows - 1} windows, so there is nothing to learn from yet.", nameof(table));
        }

        var mlContext = new MLContext(options.Seed);
        var schema = Schema(options);
        var model = Train(mlContext, spec, schema, rows);
        return new TrendForecaster(mlContext, model, options, schema, spec, rows.Count, windows);
    }

    /// <summary>Forecasts every topic's count in window <paramref name="targetWindow"/> from the windows before it.</summary>
    /// <param name="table">A table with the same topics and options' features as the fit (usually the same table).</param>
    /// <param name="targetWindow">The window to forecast, 1 to <see cref="TrendTable.WindowCount"/> (the window after the table's last).</param>
    /// <returns>One forecast per topic, by topic index, never negative; NaN for a topic not yet seen before the window.</returns>
    public IReadOnlyList<double> Forecast(TrendTable table, int targetWindow)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (targetWindow < 1 || targetWindow > table.WindowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(targetWindow), targetWindow, $"Forecast a window from 1 to {table.WindowCount} (the window after the last).");
        }

        var result = Enumerable.Repeat(double.NaN, table.TopicCount).ToArray();
        var known = Enumerable.Range(0, table.TopicCount).Where(topic => TrendExamples.IsKnown(table, topic, targetWindow - 1)).ToList();
        if (known.Count == 0)
        {
            return result;
        }

        var rows = known.Select(topic =>
        {
            var features = new float[TrendFeatures.Length(_options)];
            TrendFeatures.Compute(table, topic, targetWindow - 1, _options, features);
            return new TrendExample { Features = features };
        }).ToList();
        float[] scores;
        lock (_scoring)
        {
            scores = Score(_mlContext, _model, _schema, rows);
        }

        for (int i = 0; i < known.Count; i++)
        {
            result[known[i]] = TrendExamples.Decode(scores[i]);
        }

        return result;
    }

    internal static SchemaDefinition Schema(TrendOptions options)
    {
        var schema = SchemaDefinition.Create(typeof(TrendExample));
        schema[nameof(TrendExample.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TrendFeatures.Length(options));
        return schema;
    }

    internal static ITransformer Train(MLContext mlContext, TrainerSpec spec, SchemaDefinition schema, IReadOnlyList<TrendExample> rows)
    {
        var view = mlContext.Data.LoadFromEnumerable(rows, schema);
        var trainer = TrainerFactory.Create(mlContext, TaskKind.Regression, spec, nameof(TrendExample.Label), nameof(TrendExample.Features));
        IEstimator<ITransformer> pipeline = TrainerFactory.NeedsNormalization(spec.Name)
            ? mlContext.Transforms.NormalizeMinMax(nameof(TrendExample.Features)).Append(trainer)
            : trainer;
        return pipeline.Fit(view);
    }

    internal static float[] Score(MLContext mlContext, ITransformer model, SchemaDefinition schema, IReadOnlyList<TrendExample> rows)
    {
        var scored = model.Transform(mlContext.Data.LoadFromEnumerable(rows, schema));
        return scored.GetColumn<float>("Score").ToArray();
    }
}
