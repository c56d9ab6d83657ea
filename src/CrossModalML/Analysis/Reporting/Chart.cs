using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using OxyPlot.SkiaSharp;
using CrossModalML.IO;

namespace CrossModalML.Analysis.Reporting;

/// <summary>A chart that renders to PNG: line and time charts, scatter plots and bar charts.</summary>
/// <remarks>
/// A chart is immutable once made and renders the same picture every time. Rendering needs no display and no
/// installed fonts beyond what SkiaSharp falls back to. Instances are not thread-safe while rendering; make one
/// chart per thread.
/// </remarks>
public sealed class Chart
{
    private static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1F, 0x77, 0xB4), OxyColor.FromRgb(0xFF, 0x7F, 0x0E), OxyColor.FromRgb(0x2C, 0xA0, 0x2C),
        OxyColor.FromRgb(0xD6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xBD), OxyColor.FromRgb(0x8C, 0x56, 0x4B),
        OxyColor.FromRgb(0xE3, 0x77, 0xC2), OxyColor.FromRgb(0x7F, 0x7F, 0x7F), OxyColor.FromRgb(0xBC, 0xBD, 0x22),
        OxyColor.FromRgb(0x17, 0xBE, 0xCF),
    ];

    private readonly PlotModel _model;

    private Chart(PlotModel model, string title)
    {
        _model = model;
        Title = title;
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>A line chart (or, with <see cref="ChartSeriesStyle.Markers"/>, a scatter plot) of one or more series.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="series">At least one series. Time series and plain series cannot be mixed.</param>
    public static Chart Lines(string title, string xTitle, string yTitle, IEnumerable<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        bool time = list[0].IsTimeSeries;
        if (list.Any(s => s.IsTimeSeries != time))
        {
            throw new ArgumentException("Time series and plain series cannot share one chart.", nameof(series));
        }

        var model = NewModel(title);
        model.Axes.Add(time
            ? new DateTimeAxis { Position = AxisPosition.Bottom, Title = xTitle, StringFormat = "yyyy-MM-dd", MajorGridlineStyle = LineStyle.Dot }
            : new LinearAxis { Position = AxisPosition.Bottom, Title = xTitle, MajorGridlineStyle = LineStyle.Dot });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MajorGridlineStyle = LineStyle.Dot });
        for (int i = 0; i < list.Count; i++)
        {
            model.Series.Add(ToOxySeries(list[i], Palette[i % Palette.Length]));
        }

        return new Chart(model, title);
    }

    /// <summary>A vertical bar chart with one bar per category.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="yTitle">Value axis title.</param>
    /// <param name="bars">Category label and value, drawn left to right in the order given.</param>
    public static Chart Bars(string title, string yTitle, IEnumerable<(string Label, double Value)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var list = bars.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one bar.", nameof(bars));
        }

        var model = NewModel(title);
        var categories = new CategoryAxis { Position = AxisPosition.Bottom, Angle = list.Count > 8 ? -35 : 0 };
        categories.Labels.AddRange(list.Select(b => b.Label));
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = yTitle, MinimumPadding = 0, AbsoluteMinimum = Math.Min(0, list.Min(b => b.Value)), MajorGridlineStyle = LineStyle.Dot });
        var series = new RectangleBarSeries { FillColor = Palette[0], StrokeThickness = 0 };
        for (int i = 0; i < list.Count; i++)
        {
            double value = list[i].Value;
            series.Items.Add(new RectangleBarItem(i - 0.35, Math.Min(0, value), i + 0.35, Math.Max(0, value)));
        }

        model.Series.Add(series);
        return new Chart(model, title);
    }

    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="width">Width in pixels (100 to 4,000).</param>
    /// <param name="height">Height in pixels (100 to 4,000).</param>
    public byte[] ToPng(int width = 900, int height = 450)
    {
        if (width is < 100 or > 4000 || height is < 100 or > 4000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A chart is 100 to 4,000 pixels each way; got {width} × {height}.");
        }

        using var stream = new MemoryStream();
        new PngExporter { Width = width, Height = height }.Export(_model, stream);
        return stream.ToArray();
    }

    /// <summary>Renders the chart to a PNG file, creating its folder if needed; an existing file is replaced only once the new one is complete.</summary>
    public void SavePng(string path, int width = 900, int height = 450)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng(width, height));
    }

    private static PlotModel NewModel(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var model = new PlotModel { Title = title, Background = OxyColors.White, TitleFontSize = 15 };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopRight, LegendPlacement = LegendPlacement.Inside, LegendBackground = OxyColor.FromAColor(200, OxyColors.White) });
        return model;
    }

    private static Series ToOxySeries(ChartSeries source, OxyColor colour)
    {
        if (source.Style == ChartSeriesStyle.Markers)
        {
            var scatter = new ScatterSeries { Title = source.Name, MarkerType = MarkerType.Circle, MarkerSize = 3, MarkerFill = colour };
            scatter.Points.AddRange(source.Points.Where(p => double.IsFinite(p.Y)).Select(p => new ScatterPoint(p.X, p.Y)));
            return scatter;
        }

        var line = new LineSeries
        {
            Title = source.Name,
            Color = colour,
            StrokeThickness = 2,
            LineStyle = source.Style == ChartSeriesStyle.DashedLine ? LineStyle.Dash : LineStyle.Solid,
            MarkerType = source.Style == ChartSeriesStyle.LineWithMarkers ? MarkerType.Circle : MarkerType.None,
            MarkerSize = 3,
            MarkerFill = colour,
        };
        line.Points.AddRange(source.Points.Select(p => double.IsFinite(p.Y) ? new DataPoint(p.X, p.Y) : DataPoint.Undefined));
        return line;
    }
}
