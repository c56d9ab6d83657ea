namespace CrossModalML.Analysis.Trends;

/// <summary>How close one method's forecasts came over a back-test, pooled over every topic and origin.</summary>
/// <param name="Method">The method.</param>
/// <param name="Description">What the method is, e.g. the trainer or the average length.</param>
/// <param name="Mae">Mean absolute error, in posts per window.</param>
/// <param name="Rmse">Root mean squared error, in posts per window.</param>
/// <param name="Mase">Mean absolute scaled error: <see cref="Mae"/> divided by <see cref="TrendBackTest.MaseScale"/> (below 1
/// beats the in-sample last-value forecast); NaN when the scale is 0.</param>
/// <param name="Count">The (topic, origin) forecasts scored.</param>
public sealed record ForecastAccuracy(ForecastMethod Method, string Description, double Mae, double Rmse, double Mase, int Count);
