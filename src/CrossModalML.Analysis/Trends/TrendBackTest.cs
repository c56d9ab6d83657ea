namespace CrossModalML.Analysis.Trends;

/// <summary>A rolling-origin back-test: at each origin window the model was fitted only on the windows before it and
/// forecast the origin; every method is scored on the same (topic, origin) pairs.</summary>
/// <remarks>A pair is scored when the topic had been seen before the origin (no method can forecast a topic it has never
/// seen). Immutable.</remarks>
public sealed class TrendBackTest
{
    private readonly IReadOnlyDictionary<ForecastMethod, double[][]> _forecasts;

    internal TrendBackTest(IReadOnlyList<int> origins, IReadOnlyList<ForecastAccuracy> accuracy, IReadOnlyDictionary<ForecastMethod, double[][]> forecasts, IReadOnlyDictionary<ForecastMethod, double[]> perOriginMae, double maseScale)
    {
        Origins = origins;
        Accuracy = accuracy;
        _forecasts = forecasts;
        PerOriginMae = perOriginMae;
        MaseScale = maseScale;
    }

    /// <summary>The origin windows (indices into the table), in time order; each was forecast from the windows before it.</summary>
    public IReadOnlyList<int> Origins { get; }

    /// <summary>Each method's errors, the model first, then the naive forecasts.</summary>
    public IReadOnlyList<ForecastAccuracy> Accuracy { get; }

    /// <summary>Each method's mean absolute error at each origin, in <see cref="Origins"/> order (NaN when no topic was scored there).</summary>
    public IReadOnlyDictionary<ForecastMethod, double[]> PerOriginMae { get; }

    /// <summary>The MASE denominator: the mean absolute change from one window to the next (the in-sample last-value
    /// error) over every known topic in the windows before the first origin.</summary>
    public double MaseScale { get; }

    /// <summary>The accuracy of one method.</summary>
    /// <exception cref="KeyNotFoundException">The method was not part of this back-test (seasonal naive on weekly windows).</exception>
    public ForecastAccuracy this[ForecastMethod method] =>
        Accuracy.FirstOrDefault(a => a.Method == method) ?? throw new KeyNotFoundException($"The back-test has no {method} forecasts.");

    /// <summary>A method's forecast of one topic at one origin; NaN when the pair was not scored.</summary>
    /// <param name="method">The method.</param>
    /// <param name="originIndex">Index into <see cref="Origins"/>.</param>
    /// <param name="topic">Topic index into the table.</param>
    public double Forecast(ForecastMethod method, int originIndex, int topic) => _forecasts[method][originIndex][topic];
}
