using System.Globalization;
using System.Text;
using CrossModalML.IO;
using SkiaSharp;

namespace CrossModalML.Analysis.Reporting;

/// <summary>
/// Builds a Markdown report with tables and PNG charts, written as one folder: <c>report.md</c> beside the chart
/// files it links to.
/// </summary>
/// <remarks>
/// Blocks appear in the order they are added. Nothing touches the disk until <see cref="Save"/>, which renders every
/// chart and overwrites files of the same names, all of them or none: every file is written under a temporary name
/// first (see <see cref="StagedFile"/>). Numbers are written with the invariant culture. Not thread-safe.
/// </remarks>
public sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();
    private readonly List<(string FileName, Chart Chart, int Width, int Height)> _charts = [];
    private readonly List<(string FileName, string SourcePath)> _images = [];
    private readonly List<(string FileName, string SourcePath, int MaxSide)> _thumbnails = [];
    private readonly List<(string FileName, string Content)> _pages = [];

    /// <summary>Starts a report with a top-level title.</summary>
    public MarkdownReport(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        _text.Append("# ").AppendLine(OneLine(title)).AppendLine();
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>The file names of the charts added so far, in order.</summary>
    public IReadOnlyList<string> ChartFiles => _charts.Select(c => c.FileName).ToList();

    /// <summary>Adds a section heading (level 2 to 4).</summary>
    public MarkdownReport Heading(string text, int level = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        _text.Append('#', level).Append(' ').AppendLine(OneLine(text)).AppendLine();
        return this;
    }

    /// <summary>Adds a paragraph of Markdown text.</summary>
    public MarkdownReport Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text.AppendLine(text.Trim()).AppendLine();
        return this;
    }

    /// <summary>Adds a bulleted list.</summary>
    public MarkdownReport Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            _text.Append("- ").AppendLine(OneLine(item));
        }

        _text.AppendLine();
        return this;
    }

    /// <summary>Adds a table. Cells are converted with the invariant culture; numbers (double, float) use <paramref name="numberFormat"/>.</summary>
    /// <param name="headers">Column headings.</param>
    /// <param name="rows">Rows, each with as many cells as there are headings.</param>
    /// <param name="numberFormat">Format of floating-point cells.</param>
    public MarkdownReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string numberFormat = "0.###")
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (headers.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(headers));
        }

        _text.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).AppendLine(" |");
        _text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", headers.Count))).AppendLine();
        int index = 0;
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"Table row {index + 1} has {row.Count} cells; the table has {headers.Count} columns.", nameof(rows));
            }

            _text.Append("| ").Append(string.Join(" | ", row.Select(v => Cell(Format(v, numberFormat))))).AppendLine(" |");
            index++;
        }

        _text.AppendLine();
        return this;
    }

    /// <summary>Adds a chart, saved as <paramref name="fileName"/> beside the report and shown inline.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="fileName">A plain file name ending in <c>.png</c>, unique within the report.</param>
    /// <param name="caption">Optional text under the chart.</param>
    /// <param name="width">Pixel width.</param>
    /// <param name="height">Pixel height.</param>
    public MarkdownReport Chart(Chart chart, string fileName, string? caption = null, int width = 900, int height = 450)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckFileName(fileName, ".png");
        _charts.Add((fileName, chart, width, height));
        _text.Append("![").Append(OneLine(chart.Title).Replace("]", ")", StringComparison.Ordinal)).Append("](").Append(fileName).AppendLine(")").AppendLine();
        if (!string.IsNullOrWhiteSpace(caption))
        {
            _text.Append('*').Append(OneLine(caption)).AppendLine("*").AppendLine();
        }

        return this;
    }

    /// <summary>
    /// Adds an existing image file (for example a cluster's representative post image), copied into the report
    /// folder as <paramref name="fileName"/> when the report is saved.
    /// </summary>
    public MarkdownReport Image(string sourcePath, string fileName, string altText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(altText);
        CheckFileName(fileName, Path.GetExtension(fileName));
        _images.Add((fileName, sourcePath));
        _text.Append("![").Append(OneLine(altText)).Append("](").Append(fileName).AppendLine(")").AppendLine();
        return this;
    }

    /// <summary>
    /// Registers a thumbnail of an existing image, written into the report folder as <paramref name="fileName"/> (a
    /// JPEG, at most <paramref name="maxSide"/> pixels on its longer side) when the report is saved, and returns the
    /// Markdown that shows it, for a table cell or a paragraph.
    /// </summary>
    /// <param name="sourcePath">The image file (JPEG, PNG, GIF, BMP or WebP).</param>
    /// <param name="fileName">A plain file name ending in <c>.jpg</c>, unique within the report.</param>
    /// <param name="altText">Text shown when the image is not.</param>
    /// <param name="maxSide">The longer side in pixels, 16 to 1,024. Smaller images are not enlarged.</param>
    public string Thumbnail(string sourcePath, string fileName, string altText, int maxSide = 160)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(altText);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSide, 1024);
        CheckFileName(fileName, ".jpg");
        _thumbnails.Add((fileName, sourcePath, maxSide));
        return $"![{OneLine(altText).Replace("]", ")", StringComparison.Ordinal)}]({fileName})";
    }

    /// <summary>Adds a text file written into the report folder beside <c>report.md</c> when the report is saved, all or
    /// nothing with the rest, for example an HTML page that shows the report's thumbnails. It is not linked from the
    /// Markdown; the caller writes the content (escaped for its format) in full.</summary>
    /// <param name="fileName">A plain file name with an extension, unique within the report.</param>
    /// <param name="content">The file's text, written as UTF-8.</param>
    public MarkdownReport Page(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        CheckFileName(fileName, Path.GetExtension(fileName));
        _pages.Add((fileName, content));
        return this;
    }

    /// <summary>The Markdown text so far.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Writes <c>report.md</c> (or <paramref name="reportFileName"/>) and every chart into <paramref name="folder"/>.</summary>
    /// <returns>The full path of the Markdown file.</returns>
    /// <exception cref="FileNotFoundException">An image added with <see cref="Image"/> or <see cref="Thumbnail"/> no longer exists.</exception>
    /// <exception cref="InvalidDataException">An image added with <see cref="Thumbnail"/> cannot be decoded.</exception>
    public string Save(string folder, string reportFileName = "report.md")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        CheckFileName(reportFileName, ".md");
        // Every file is staged first and committed only when all are complete, so a failure leaves an old report whole.
        var staged = new List<StagedFile>();
        try
        {
            foreach (var (fileName, chart, width, height) in _charts)
            {
                var file = Stage(staged, folder, fileName);
                file.Stream.Write(chart.ToPng(width, height));
            }

            foreach (var (fileName, source) in _images)
            {
                if (!File.Exists(source))
                {
                    throw new FileNotFoundException($"Report image '{source}' does not exist.", source);
                }

                var file = Stage(staged, folder, fileName);
                using var image = File.OpenRead(source);
                image.CopyTo(file.Stream);
            }

            foreach (var (fileName, source, maxSide) in _thumbnails)
            {
                WriteThumbnail(source, Stage(staged, folder, fileName).Stream, maxSide);
            }

            foreach (var (fileName, content) in _pages)
            {
                Stage(staged, folder, fileName).Stream.Write(new UTF8Encoding(false).GetBytes(content));
            }

            var report = Stage(staged, folder, reportFileName);
            report.Stream.Write(new UTF8Encoding(false).GetBytes(_text.ToString()));
            foreach (var file in staged)
            {
                file.Commit();
            }

            return report.TargetPath;
        }
        finally
        {
            foreach (var file in staged)
            {
                file.Dispose();
            }
        }
    }

    private static StagedFile Stage(List<StagedFile> staged, string folder, string fileName)
    {
        var file = StagedFile.Create(Path.Combine(folder, fileName));
        staged.Add(file);
        return file;
    }

    private void CheckFileName(string fileName, string extension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName != Path.GetFileName(fileName) || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || fileName.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{fileName}' must be a plain file name without folders or spaces.", nameof(fileName));
        }

        if (!fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || extension.Length == 0)
        {
            throw new ArgumentException($"'{fileName}' must end in {(extension.Length == 0 ? "an extension" : extension)}.", nameof(fileName));
        }

        if (_charts.Any(c => c.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase))
            || _images.Any(i => i.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase))
            || _thumbnails.Any(t => t.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase))
            || _pages.Any(p => p.FileName.Equals(fileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The report already has a file named '{fileName}'.", nameof(fileName));
        }
    }

    private static void WriteThumbnail(string source, Stream target, int maxSide)
    {
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"Report image '{source}' does not exist.", source);
        }

        using var original = SKBitmap.Decode(source)
            ?? throw new InvalidDataException($"Report image '{source}' cannot be decoded; use a JPEG, PNG, GIF, BMP or WebP file.");
        double scale = Math.Min(1.0, maxSide / (double)Math.Max(original.Width, original.Height));
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
        using var resized = original.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidDataException($"Report image '{source}' could not be resized.");
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        data.SaveTo(target);
    }

    private static string Format(object? value, string numberFormat) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "—" : d.ToString(numberFormat, CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? "—" : f.ToString(numberFormat, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
