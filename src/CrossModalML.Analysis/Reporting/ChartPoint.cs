namespace CrossModalML.Analysis.Reporting;

/// <summary>One point of a chart series.</summary>
/// <param name="X">Horizontal position; for time charts, a value made by <see cref="ChartSeries.FromTimes"/>.</param>
/// <param name="Y">Vertical position.</param>
public readonly record struct ChartPoint(double X, double Y);
