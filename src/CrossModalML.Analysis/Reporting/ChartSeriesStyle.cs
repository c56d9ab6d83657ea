namespace CrossModalML.Analysis.Reporting;

/// <summary>How a series is drawn.</summary>
public enum ChartSeriesStyle
{
    /// <summary>A solid line through the points.</summary>
    Line,

    /// <summary>A dashed line, for forecasts and baselines.</summary>
    DashedLine,

    /// <summary>Unconnected markers, for scatter plots.</summary>
    Markers,

    /// <summary>A line with a marker at every point.</summary>
    LineWithMarkers,
}
