using CrossModalML.IO;
using ScottPlot;

namespace CrossModalML.Analysis.Reporting;

/// <summary>A chart that renders to PNG: line and time charts, scatter plots, charts with two value axes, and bar
/// charts (one bar per category, or grouped bars per category).</summary>
/// <remarks>
/// <para>Layout rules every chart follows: a legend, when there is more than one series, sits to the right of the
/// plot area, never over the data; categories are drawn as bars on a category axis, never as a line over their
/// numbers; two metrics with different scales get one vertical axis each; axes that count things get whole-number
/// ticks.</para>
/// <para>A chart is an immutable description; each render draws a fresh plot, so the same chart renders the same
/// picture every time and may be rendered on several threads at once. Rendering needs no display and no installed
/// fonts beyond what SkiaSharp falls back to. Drawn with ScottPlot 5.</para>
/// </remarks>
public sealed class Chart
{
    private const float TitleSize = 17;
    private const float AxisTitleSize = 14;
    private const float TickSize = 12;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1F77B4"), Color.FromHex("#FF7F0E"), Color.FromHex("#2CA02C"), Color.FromHex("#D62728"),
        Color.FromHex("#9467BD"), Color.FromHex("#8C564B"), Color.FromHex("#E377C2"), Color.FromHex("#7F7F7F"),
        Color.FromHex("#BCBD22"), Color.FromHex("#17BECF"),
    ];

    // A sans-serif face that is commonly installed reads better in small tick labels than SkiaSharp's fallback serif.
    private static readonly Lazy<string> FontName = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI" }.FirstOrDefault(installed.Contains) ?? Fonts.Default;
    });

    private readonly Action<Plot> _draw;

    private Chart(string title, Action<Plot> draw)
    {
        Title = title;
        _draw = draw;
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>A line chart (or, with <see cref="ChartSeriesStyle.Markers"/>, a scatter plot) of one or more series on one value axis.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="series">At least one series. Time series and plain series cannot be mixed.</param>
    /// <param name="integerX">Whole-number ticks on the horizontal axis (for counts such as a number of clusters).</param>
    public static Chart Lines(string title, string xTitle, string yTitle, IEnumerable<ChartSeries> series, bool integerX = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
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

        return new Chart(title, plot =>
        {
            Frame(plot, title, xTitle, yTitle);
            for (int i = 0; i < list.Count; i++)
            {
                AddSeries(plot, list[i], Palette[i % Palette.Length], plot.Axes.Left);
            }

            if (time)
            {
                plot.Axes.DateTimeTicksBottom();
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = IsoTick };
            }
            else if (integerX)
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            Legend(plot, list.Count);
        });
    }

    /// <summary>Two series over the same horizontal axis, each on its own vertical axis (left and right), for two
    /// metrics whose scales differ.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="left">The series drawn against the left axis; its name titles that axis.</param>
    /// <param name="right">The series drawn against the right axis; its name titles that axis.</param>
    /// <param name="integerX">Whole-number ticks on the horizontal axis.</param>
    public static Chart TwoAxes(string title, string xTitle, ChartSeries left, ChartSeries right, bool integerX = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.IsTimeSeries || right.IsTimeSeries)
        {
            throw new ArgumentException("A two-axis chart takes plain series, not time series.", nameof(left));
        }

        return new Chart(title, plot =>
        {
            Frame(plot, title, xTitle, left.Name);
            var rightAxis = plot.Axes.Right;
            rightAxis.Label.Text = right.Name;
            rightAxis.Label.FontSize = AxisTitleSize;
            rightAxis.Label.ForeColor = Palette[1];
            rightAxis.TickLabelStyle.FontSize = TickSize;
            plot.Axes.Left.Label.ForeColor = Palette[0];
            AddSeries(plot, left, Palette[0], plot.Axes.Left);
            AddSeries(plot, right, Palette[1], rightAxis);
            if (integerX)
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            // Below the plot, in one row: the axes are taken by the two value scales.
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = TickSize;
        });
    }

    /// <summary>A vertical bar chart with one bar per category.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="yTitle">Value axis title.</param>
    /// <param name="bars">Category label and value, drawn left to right in the order given.</param>
    /// <param name="integerValues">Whole-number ticks on the value axis (for counts).</param>
    public static Chart Bars(string title, string yTitle, IEnumerable<(string Label, double Value)> bars, bool integerValues = false)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var list = bars.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one bar.", nameof(bars));
        }

        return GroupedBars(title, string.Empty, yTitle, list.Select(b => b.Label).ToArray(), [("value", list.Select(b => b.Value).ToArray())], integerValues);
    }

    /// <summary>Grouped vertical bars: for each category, one bar per group side by side, with a legend naming the groups.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xTitle">Category axis title (empty for none).</param>
    /// <param name="yTitle">Value axis title.</param>
    /// <param name="categories">Category labels, left to right.</param>
    /// <param name="groups">Each group's name and one value per category.</param>
    /// <param name="integerValues">Whole-number ticks on the value axis (for counts).</param>
    public static Chart GroupedBars(string title, string xTitle, string yTitle, IReadOnlyList<string> categories, IEnumerable<(string Name, IReadOnlyList<double> Values)> groups, bool integerValues = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.ToList();
        if (categories.Count == 0 || list.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one category and one group.", nameof(categories));
        }

        foreach (var (name, values) in list)
        {
            if (values.Count != categories.Count)
            {
                throw new ArgumentException($"Group '{name}' has {values.Count} values for {categories.Count} categories.", nameof(groups));
            }
        }

        var labels = categories.ToArray();
        return new Chart(title, plot =>
        {
            Frame(plot, title, xTitle, yTitle);
            double slot = 0.8 / list.Count;
            for (int g = 0; g < list.Count; g++)
            {
                var colour = Palette[g % Palette.Length];
                var bars = list[g].Values.Select((value, c) => new Bar
                {
                    Position = c - 0.4 + (slot * (g + 0.5)),
                    Value = double.IsFinite(value) ? value : 0,
                    Size = slot * 0.9,
                    FillColor = colour,
                    LineWidth = 0,
                }).ToList();
                plot.Add.Bars(bars);
                if (list.Count > 1)
                {
                    plot.Legend.ManualItems.Add(new LegendItem { LabelText = list[g].Name, FillColor = colour });
                }
            }

            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            int longest = labels.Max(l => l.Length);
            if (labels.Length > 8 || longest * labels.Length > 90)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                plot.Axes.Bottom.MinimumSize = 30 + (longest * 5.5f);
            }

            plot.Axes.Margins(bottom: 0);
            if (integerValues)
            {
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            plot.HideGrid();
            plot.Grid.YAxisStyle.IsVisible = true;
            Legend(plot, list.Count);
        });
    }

    /// <summary>A time tick as an ISO date, <c>2026-03-01</c>, readable in every locale; with its time of day,
    /// <c>2026-03-01 06:00</c>, when the tick is not at midnight (hourly or finer axes).</summary>
    internal static string IsoTick(DateTime tick) =>
        tick.TimeOfDay == TimeSpan.Zero
            ? tick.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : tick.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The labels of the horizontal axis's ticks once the chart is laid out at the given size.</summary>
    internal IReadOnlyList<string> BottomTickLabels(int width = 900, int height = 450)
    {
        using var plot = new Plot();
        _draw(plot);
        plot.GetImageBytes(width, height, ImageFormat.Png);
        return plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
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

        using var plot = new Plot();
        _draw(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Renders the chart to a PNG file, creating its folder if needed; an existing file is replaced only once the new one is complete.</summary>
    public void SavePng(string path, int width = 900, int height = 450)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng(width, height));
    }

    private static void Frame(Plot plot, string title, string xTitle, string yTitle)
    {
        plot.Title(title, TitleSize);
        plot.XLabel(xTitle, AxisTitleSize);
        plot.YLabel(yTitle, AxisTitleSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Font.Set(FontName.Value);
        plot.Axes.Title.Label.Bold = true;
        plot.FigureBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.1);
    }

    private static void Legend(Plot plot, int entries)
    {
        if (entries > 1)
        {
            plot.ShowLegend(Edge.Right);
            plot.Legend.FontSize = TickSize;
        }
        else
        {
            plot.HideLegend();
        }
    }

    // A non-finite value leaves a gap: the series is drawn as its finite runs, all in one colour with one legend entry.
    private static void AddSeries(Plot plot, ChartSeries source, Color colour, IYAxis axis)
    {
        bool legend = true;
        foreach (var run in FiniteRuns(source.Points))
        {
            var xs = run.Select(p => p.X).ToArray();
            var ys = run.Select(p => p.Y).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, colour);
            scatter.Axes.YAxis = axis;
            scatter.LineWidth = source.Style == ChartSeriesStyle.Markers ? 0 : 2;
            scatter.MarkerSize = source.Style switch
            {
                ChartSeriesStyle.Markers => 5,
                ChartSeriesStyle.LineWithMarkers => 7,
                _ => 0,
            };
            scatter.LinePattern = source.Style == ChartSeriesStyle.DashedLine ? LinePattern.Dashed : LinePattern.Solid;
            if (legend)
            {
                scatter.LegendText = source.Name;
                legend = false;
            }
        }
    }

    private static IEnumerable<List<ChartPoint>> FiniteRuns(IReadOnlyList<ChartPoint> points)
    {
        var run = new List<ChartPoint>();
        foreach (var point in points)
        {
            if (double.IsFinite(point.Y))
            {
                run.Add(point);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
