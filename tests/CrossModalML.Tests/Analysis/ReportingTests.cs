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
