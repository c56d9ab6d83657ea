using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.Analysis.Trends;

/// <summary>Rolling-origin back-tests of the trend model against naive forecasts.</summary>
public static class TrendBackTester
{
    /// <summary>The origin windows a back-test of this table uses: the last min(<see cref="TrendOptions.BackTestWindows"/>,
    /// windows − <see cref="TrendOptions.MinimumTrainingWindows"/>) windows.</summary>
    public static IReadOnlyList<int> Origins(TrendTable table, TrendOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        int count = Math.Max(0, Math.Min(options.BackTestWindows, table.WindowCount - options.MinimumTrainingWindows));
        return Enumerable.Range(table.WindowCount - count, count).ToArray();
    }

    /// <summary>Runs the back-test: for each origin, fits the model on the windows before it, forecasts the origin, and
    /// scores it next to the last-value, moving-average and (for hours and days) seasonal naive forecasts.</summary>
    /// <param name="table">The counts.</param>
    /// <param name="options">Feature, naive and back-test settings (<see langword="null"/> for the defaults).</param>
    /// <param name="trainer">The regression trainer; <see langword="null"/> for <see cref="TrendOptions.Trainer"/> or its default.</param>
    /// <param name="progress">Receives one line per origin.</param>
    /// <param name="cancellationToken">Checked before each fit.</param>
    /// <exception cref="ArgumentException">The table is too short for one origin.</exception>
    public static TrendBackTest Run(TrendTable table, TrendOptions? options = null, TrainerSpec? trainer = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TrendOptions();
        options.Validate();
        var origins = Origins(table, options);
        if (origins.Count == 0)
        {
            throw new ArgumentException(
                $"The table has {table.WindowCount} windows; a back-test needs more than MinimumTrainingWindows ({options.MinimumTrainingWindows}) and BackTestWindows above 0.", nameof(table));
        }

        var spec = trainer ?? options.Trainer ?? TrendOptions.DefaultTrainer;
        var methods = new List<ForecastMethod> { ForecastMethod.Model, ForecastMethod.LastValue, ForecastMethod.MovingAverage };
        int season = options.SeasonLength;
        if (season > 0)
        {
            methods.Add(ForecastMethod.SeasonalNaive);
        }

        var forecasts = methods.ToDictionary(m => m, _ => new double[origins.Count][]);
        for (int o = 0; o < origins.Count; o++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int target = origins[o];
            var model = TrendForecaster.Fit(table, options, spec, target).Forecast(table, target);
            forecasts[ForecastMethod.Model][o] = [.. model];
            forecasts[ForecastMethod.LastValue][o] = Naive(table, target, topic => table.Count(topic, target - 1));
            forecasts[ForecastMethod.MovingAverage][o] = Naive(table, target, topic => TrendFeatures.Mean(table, topic, target - 1, options.MovingAverageWindows));
            if (season > 0)
            {
                forecasts[ForecastMethod.SeasonalNaive][o] = Naive(table, target, topic => table.Count(topic, target - season >= 0 ? target - season : target - 1));
            }

            progress?.Report($"back-test origin {o + 1}/{origins.Count} ({table.WindowStarts[target]:yyyy-MM-dd HH:mm}): model MAE {OriginMae(table, target, forecasts[ForecastMethod.Model][o]):0.###}");
        }

        double scale = MaseScale(table, origins[0]);
        var accuracy = new List<ForecastAccuracy>();
        var perOrigin = new Dictionary<ForecastMethod, double[]>();
        foreach (var method in methods)
        {
            double absolute = 0, squared = 0;
            int count = 0;
            for (int o = 0; o < origins.Count; o++)
            {
                for (int topic = 0; topic < table.TopicCount; topic++)
                {
                    double forecast = forecasts[method][o][topic];
                    if (double.IsNaN(forecast))
                    {
                        continue;
                    }

                    double error = forecast - table.Count(topic, origins[o]);
                    absolute += Math.Abs(error);
                    squared += error * error;
                    count++;
                }
            }

            double mae = count == 0 ? double.NaN : absolute / count;
            accuracy.Add(new ForecastAccuracy(method, Describe(method, spec, options), mae, count == 0 ? double.NaN : Math.Sqrt(squared / count), scale > 0 ? mae / scale : double.NaN, count));
            perOrigin[method] = origins.Select((target, o) => OriginMae(table, target, forecasts[method][o])).ToArray();
        }

        return new TrendBackTest(origins, accuracy, forecasts, perOrigin, scale);
    }

    private static double[] Naive(TrendTable table, int target, Func<int, double> forecast) =>
        Enumerable.Range(0, table.TopicCount).Select(topic => TrendExamples.IsKnown(table, topic, target - 1) ? forecast(topic) : double.NaN).ToArray();

    private static double OriginMae(TrendTable table, int target, double[] forecasts)
    {
        double sum = 0;
        int count = 0;
        for (int topic = 0; topic < forecasts.Length; topic++)
        {
            if (!double.IsNaN(forecasts[topic]))
            {
                sum += Math.Abs(forecasts[topic] - table.Count(topic, target));
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static double MaseScale(TrendTable table, int firstOrigin)
    {
        double sum = 0;
        int count = 0;
        for (int w = 1; w < firstOrigin; w++)
        {
            for (int topic = 0; topic < table.TopicCount; topic++)
            {
                if (TrendExamples.IsKnown(table, topic, w - 1))
                {
                    sum += Math.Abs(table.Count(topic, w) - table.Count(topic, w - 1));
                    count++;
                }
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private static string Describe(ForecastMethod method, TrainerSpec spec, TrendOptions options) => method switch
    {
        ForecastMethod.Model => spec.ToString(),
        ForecastMethod.LastValue => "count of the previous window",
        ForecastMethod.MovingAverage => $"mean of the last {options.MovingAverageWindows} windows",
        _ => $"count {options.SeasonLength} windows earlier",
    };
}
