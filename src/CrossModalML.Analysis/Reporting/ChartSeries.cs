namespace CrossModalML.Analysis.Reporting;

/// <summary>A named list of points drawn in one style.</summary>
public sealed class ChartSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="name">The legend entry.</param>
    /// <param name="points">The points, drawn in the order given.</param>
    /// <param name="style">How the series is drawn.</param>
    public ChartSeries(string name, IEnumerable<ChartPoint> points, ChartSeriesStyle style = ChartSeriesStyle.Line)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(points);
        Name = name;
        Points = points.ToArray();
        Style = style;
        foreach (var point in Points)
        {
            if (!double.IsFinite(point.X))
            {
                throw new ArgumentException($"Series '{name}' has a non-finite X value ({point.X}).", nameof(points));
            }
        }
    }

    /// <summary>The legend entry.</summary>
    public string Name { get; }

    /// <summary>The points. A non-finite Y leaves a gap.</summary>
    public IReadOnlyList<ChartPoint> Points { get; }

    /// <summary>How the series is drawn.</summary>
    public ChartSeriesStyle Style { get; }

    /// <summary>True when X holds times made by <see cref="FromTimes"/>; the chart then draws a date axis.</summary>
    public bool IsTimeSeries { get; private init; }

    /// <summary>Creates a series over time (UTC or local, drawn as given).</summary>
    public static ChartSeries FromTimes(string name, IEnumerable<(DateTime Time, double Value)> points, ChartSeriesStyle style = ChartSeriesStyle.Line)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new ChartSeries(name, points.Select(p => new ChartPoint(p.Time.ToOADate(), p.Value)), style)
        {
            IsTimeSeries = true,
        };
    }
}
