using CrossModalML.Analysis.Reporting;
using CrossModalML.Tests.Data;
using SkiaSharp;

namespace CrossModalML.Tests.Analysis;

[TestClass]
public sealed class ReportingTests
{
    [TestMethod]
    public void Line_chart_renders_a_png_of_the_requested_size_with_the_series_drawn()
    {
        var rising = new ChartSeries("rising", Enumerable.Range(0, 20).Select(i => new ChartPoint(i, i * i)));
        var chart = Chart.Lines("Growth", "day", "posts", [rising]);

        using var bitmap = SKBitmap.Decode(chart.ToPng(640, 320));

        Assert.AreEqual(640, bitmap.Width);
        Assert.AreEqual(320, bitmap.Height);
        Assert.IsTrue(CountColoured(bitmap) > 200, "The series line should colour a few hundred pixels.");
    }

    [TestMethod]
    public void Empty_chart_area_stays_blank_without_series_points()
    {
        var flat = new ChartSeries("gaps", [new ChartPoint(0, double.NaN), new ChartPoint(1, double.NaN)]);
        var withPoints = new ChartSeries("points", [new ChartPoint(0, 1), new ChartPoint(1, 2)]);

        using var blank = SKBitmap.Decode(Chart.Lines("t", "x", "y", [flat]).ToPng(300, 200));
        using var drawn = SKBitmap.Decode(Chart.Lines("t", "x", "y", [withPoints]).ToPng(300, 200));

        Assert.IsTrue(CountColoured(drawn) > CountColoured(blank) + 50);
    }

    [TestMethod]
    public void Time_axes_label_their_ticks_with_ISO_dates()
    {
        var days = ChartSeries.FromTimes("posts", Enumerable.Range(0, 40).Select(d => (new DateTime(2026, 1, 1).AddDays(d), (double)d)));

        var labels = Chart.Lines("time", "day", "posts", [days]).BottomTickLabels();

        Assert.IsTrue(labels.Count >= 2, string.Join(" | ", labels));
        foreach (var label in labels)
        {
            Assert.MatchesRegex(@"^2026-0[12]-\d\d$", label);
        }
    }

    [TestMethod]
    public void An_ISO_tick_keeps_the_time_of_day_only_when_it_has_one()
    {
        Assert.AreEqual("2026-03-01", Chart.IsoTick(new DateTime(2026, 3, 1)));
        Assert.AreEqual("2026-03-01 06:30", Chart.IsoTick(new DateTime(2026, 3, 1, 6, 30, 0)));
    }

    [TestMethod]
    public void Time_and_plain_series_cannot_share_a_chart()
    {
        var time = ChartSeries.FromTimes("t", [(new DateTime(2026, 1, 1), 1.0), (new DateTime(2026, 1, 2), 2.0)]);
        var plain = new ChartSeries("p", [new ChartPoint(0, 1)]);

        Assert.ThrowsExactly<ArgumentException>(() => Chart.Lines("mixed", "x", "y", [time, plain]));
        Assert.IsTrue(Chart.Lines("time", "day", "posts", [time]).ToPng().Length > 0);
    }

    [TestMethod]
    public void Bar_chart_draws_taller_bars_for_larger_values()
    {
        using var bitmap = SKBitmap.Decode(Chart.Bars("Sizes", "posts", [("small", 1), ("large", 10)]).ToPng(400, 300));

        int smallColumn = ColumnHeight(bitmap, bitmap.Width * 3 / 10);
        int largeColumn = ColumnHeight(bitmap, bitmap.Width * 7 / 10);

        Assert.IsTrue(largeColumn > 3 * smallColumn, $"large bar {largeColumn}px vs small {smallColumn}px");
    }

    [TestMethod]
    public void Report_saves_markdown_and_every_linked_chart()
    {
        using var folder = new TempDirectory();
        var report = new MarkdownReport("Trends")
            .Heading("Volume")
            .Paragraph("Daily posts.")
            .Table(["topic", "share"], [["travel", 0.25], ["a|b", 0.5]])
            .Chart(Chart.Bars("Share", "share", [("travel", 0.25)]), "share.png", "Share by topic");

        var path = report.Save(folder.Path);
        var text = File.ReadAllText(path);

        StringAssert.Contains(text, "| travel | 0.25 |");
        StringAssert.Contains(text, "a\\|b");
        StringAssert.Contains(text, "![Share](share.png)");
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "share.png")));
    }

    [TestMethod]
    public void Report_rejects_bad_tables_and_file_names()
    {
        var report = new MarkdownReport("r");
        var chart = Chart.Bars("b", "v", [("a", 1)]);

        Assert.ThrowsExactly<ArgumentException>(() => report.Table(["a", "b"], [["only one"]]));
        Assert.ThrowsExactly<ArgumentException>(() => report.Chart(chart, "../escape.png"));
        Assert.ThrowsExactly<ArgumentException>(() => report.Chart(chart, "chart.jpg"));
        report.Chart(chart, "chart.png");
        Assert.ThrowsExactly<ArgumentException>(() => report.Chart(chart, "chart.png"));
    }

    [TestMethod]
    public void Legend_is_drawn_beside_the_plot_not_over_the_data()
    {
        // Two flat lines across the whole x range: the top one runs where an inside legend would sit (top right).
        var top = new ChartSeries("top", Enumerable.Range(0, 11).Select(i => new ChartPoint(i, 1)));
        var bottom = new ChartSeries("bottom", Enumerable.Range(0, 11).Select(i => new ChartPoint(i, 0)));
        using var bitmap = SKBitmap.Decode(Chart.Lines("Legend", "x", "y", [top, bottom]).ToPng(800, 400));

        var (row, start, end) = LongestRun(bitmap, Blue);

        Assert.IsTrue(end - start > bitmap.Width / 2, $"the top line runs unbroken across the plot ({start}..{end} of {bitmap.Width})");
        bool legendSymbolRightOfData = Enumerable.Range(end + 10, bitmap.Width - end - 10)
            .Any(x => Enumerable.Range(0, bitmap.Height).Any(y => Blue(bitmap.GetPixel(x, y))));
        Assert.IsTrue(legendSymbolRightOfData, "the legend's line symbol lies to the right of the plotted data");
    }

    [TestMethod]
    public void Two_axis_chart_draws_both_metrics_each_across_its_own_scale()
    {
        // Silhouette-like (≈0.1) and Davies–Bouldin-like (≈2.5) values: on one axis the first would be a flat line at the bottom.
        var small = new ChartSeries("silhouette", [new ChartPoint(2, 0.10), new ChartPoint(3, 0.14), new ChartPoint(4, 0.12)], ChartSeriesStyle.LineWithMarkers);
        var large = new ChartSeries("Davies–Bouldin", [new ChartPoint(2, 2.6), new ChartPoint(3, 2.1), new ChartPoint(4, 2.4)], ChartSeriesStyle.LineWithMarkers);

        using var bitmap = SKBitmap.Decode(Chart.TwoAxes("k", "clusters", small, large, integerX: true).ToPng(700, 400));

        var blueRows = Rows(bitmap, Blue);
        var orangeRows = Rows(bitmap, Orange);
        Assert.IsTrue(blueRows.Max() - blueRows.Min() > 150, $"the small metric spans {blueRows.Max() - blueRows.Min()} px of height");
        Assert.IsTrue(orangeRows.Max() - orangeRows.Min() > 150, $"the large metric spans {orangeRows.Max() - orangeRows.Min()} px of height");
    }

    [TestMethod]
    public void Grouped_bars_draw_one_bar_per_group_and_category_and_check_their_lengths()
    {
        using var bitmap = SKBitmap.Decode(Chart.GroupedBars("Labels", "cluster", "share", ["cluster 0", "cluster 1"], [("food", [0.8, 0.1]), ("travel", [0.2, 0.9])]).ToPng(600, 400));

        Assert.IsTrue(CountMatching(bitmap, Blue) > 2000, "the first group's bars");
        Assert.IsTrue(CountMatching(bitmap, Orange) > 2000, "the second group's bars");
        var error = Assert.ThrowsExactly<ArgumentException>(() => Chart.GroupedBars("b", "x", "y", ["a", "b"], [("short", [1.0])]));
        StringAssert.Contains(error.Message, "'short' has 1 values for 2 categories");
    }

    [TestMethod]
    public void Thumbnails_are_written_as_small_jpegs_and_embedded_by_the_markdown_they_return()
    {
        using var folder = new TempDirectory();
        var source = Path.Combine(folder.Path, "large.png");
        using (var large = new SKBitmap(640, 320))
        {
            large.Erase(SKColors.OrangeRed);
            using var data = SKImage.FromBitmap(large).Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(source, data.ToArray());
        }

        var report = new MarkdownReport("Gallery");
        var markdown = report.Thumbnail(source, "hit1.jpg", "image of post p1", maxSide: 100);
        report.Table(["image"], [[markdown]]);
        var output = Path.Combine(folder.Path, "out");
        var text = File.ReadAllText(report.Save(output));

        using var thumbnail = SKBitmap.Decode(Path.Combine(output, "hit1.jpg"));
        Assert.AreEqual(100, thumbnail.Width);
        Assert.AreEqual(50, thumbnail.Height);
        StringAssert.Contains(text, "| ![image of post p1](hit1.jpg) |");
        Assert.ThrowsExactly<ArgumentException>(() => report.Thumbnail(source, "hit2.png", "not a jpeg name"));
    }

    private static bool Blue(SKColor c) => Near(c, 0x1F, 0x77, 0xB4);

    private static bool Orange(SKColor c) => Near(c, 0xFF, 0x7F, 0x0E);

    private static bool Near(SKColor c, int r, int g, int b) => Math.Abs(c.Red - r) + Math.Abs(c.Green - g) + Math.Abs(c.Blue - b) < 60;

    private static int CountMatching(SKBitmap bitmap, Func<SKColor, bool> match)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                count += match(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }

    private static List<int> Rows(SKBitmap bitmap, Func<SKColor, bool> match) =>
        Enumerable.Range(0, bitmap.Height).Where(y => Enumerable.Range(0, bitmap.Width).Any(x => match(bitmap.GetPixel(x, y)))).ToList();

    private static (int Row, int Start, int End) LongestRun(SKBitmap bitmap, Func<SKColor, bool> match)
    {
        var best = (Row: 0, Start: 0, End: 0);
        for (int y = 0; y < bitmap.Height; y++)
        {
            int start = -1;
            for (int x = 0; x <= bitmap.Width; x++)
            {
                bool on = x < bitmap.Width && match(bitmap.GetPixel(x, y));
                if (on && start < 0)
                {
                    start = x;
                }
                else if (!on && start >= 0)
                {
                    if (x - 1 - start > best.End - best.Start)
                    {
                        best = (y, start, x - 1);
                    }

                    start = -1;
                }
            }
        }

        return best;
    }

    private static int CountColoured(SKBitmap bitmap)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int ColumnHeight(SKBitmap bitmap, int x)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            var c = bitmap.GetPixel(x, y);
            if (c.Blue > 150 && c.Red < 80)
            {
                count++;
            }
        }

        return count;
    }
}
