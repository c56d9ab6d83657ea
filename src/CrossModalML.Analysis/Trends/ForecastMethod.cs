namespace CrossModalML.Analysis.Trends;

/// <summary>A way to forecast a topic's next-window count, compared in a back-test.</summary>
public enum ForecastMethod
{
    /// <summary>The ML.NET regression model on lag and growth features (<see cref="TrendForecaster"/>).</summary>
    Model,

    /// <summary>Naive: the next window repeats the last one.</summary>
    LastValue,

    /// <summary>Naive: the mean of the last <see cref="TrendOptions.MovingAverageWindows"/> windows.</summary>
    MovingAverage,

    /// <summary>Seasonal naive: the count one season (<see cref="TrendOptions.SeasonLength"/>) before the target window;
    /// the last value when that window is before the table starts. Only when the window has a season (hours, days).</summary>
    SeasonalNaive,
}
