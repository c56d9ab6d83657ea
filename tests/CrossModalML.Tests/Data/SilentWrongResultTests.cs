using System.Text;
using CrossModalML.Data;
using Microsoft.ML.Data;
using SkiaSharp;

namespace CrossModalML.Tests.Data;

/// <summary>Inputs that used to load with a silently wrong result: a numeric column lost to one stray word or a NaN,
/// bytes that are not UTF-8, a label with one row per class, a truncated image under strict checking.</summary>
[TestClass]
public sealed class SilentWrongResultTests
{
    private static string Posts(TempDirectory temp, Func<int, string> likes, Func<int, string>? label = null, int rows = 20)
    {
        var lines = Enumerable.Range(0, rows).Select(i => $"p{i}\tpost number {i} about things\t{likes(i)}\t{(label ?? (j => j % 2 == 0 ? "up" : "down"))(i)}");
        return temp.Write("posts.tsv", string.Join("\n", ["id\ttext\tlikes\tmood", .. lines]) + "\n");
    }

    private static RoleDecision Role(PostDataset data, string column) => data.Report.RoleDecisions.Single(d => d.Column == column);

    [TestMethod]
    public void A_numeric_column_with_one_stray_word_stays_numeric_and_the_warning_names_the_value()
    {
        using var temp = new TempDirectory();
        var path = Posts(temp, i => i == 6 ? "lots" : (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" });

        Assert.AreEqual(ColumnRole.Numeric, Role(data, "likes").Role, Role(data, "likes").Reason);
        var warning = data.Report.Warnings.Single(w => w.Contains("'likes'", StringComparison.Ordinal));
        StringAssert.Contains(warning, "1 of 20 values");
        StringAssert.Contains(warning, "line 8: 'lots'");
    }

    [TestMethod]
    public void NaN_Inf_and_empty_values_are_missing_numbers_without_a_warning()
    {
        using var temp = new TempDirectory();
        string[] markers = ["NaN", "Inf", "-Infinity", "", "nan", "N/A"];
        var path = Posts(temp, i => i < markers.Length ? markers[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" });

        Assert.AreEqual(ColumnRole.Numeric, Role(data, "likes").Role, Role(data, "likes").Reason);
        StringAssert.Contains(Role(data, "likes").Reason, "5 NaN/Inf/NA markers count as missing");
        Assert.IsFalse(data.Report.Warnings.Any(w => w.Contains("'likes'", StringComparison.Ordinal)), string.Join("\n", data.Report.Warnings));
        var likes = data.DataView.GetColumn<float>("likes").ToArray();
        Assert.IsTrue(likes.Take(markers.Length).All(float.IsNaN));
        Assert.AreEqual(6f, likes[6]);
    }

    [TestMethod]
    public void A_column_of_words_with_a_few_numbers_is_not_numeric()
    {
        using var temp = new TempDirectory();
        var path = Posts(temp, i => i % 4 == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"w{i}");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" });

        Assert.AreNotEqual(ColumnRole.Numeric, Role(data, "likes").Role);
    }

    [TestMethod]
    public void Bytes_that_are_not_UTF8_give_a_warning_naming_the_lines()
    {
        using var temp = new TempDirectory();
        var path = Posts(temp, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bytes = File.ReadAllBytes(path).ToList();

        // A lone 0xFF inside the text of the posts on lines 3 and 9.
        foreach (var post in new[] { "post number 7 ", "post number 1 " })
        {
            var at = IndexOf(bytes, Encoding.UTF8.GetBytes(post));
            bytes.Insert(at + 5, 0xFF);
        }

        File.WriteAllBytes(path, [.. bytes]);

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" });
        var warning = data.Report.Warnings.Single(w => w.Contains("UTF-8", StringComparison.Ordinal));
        StringAssert.Contains(warning, path);
        StringAssert.Contains(warning, "2 lines");
        StringAssert.Contains(warning, "line 3, 9");

        var schema = new[] { new ColumnSchema("id", ColumnRole.Id), new ColumnSchema("text", ColumnRole.Text) };
        var chunks = PostDatasetLoader.LoadForScoringInChunks(path, schema, TaskKind.Binary, ["down", "up"], chunkRows: 4, options: null).ToList();
        var chunkWarnings = chunks.SelectMany(c => c.Report.Warnings).Where(w => w.Contains("UTF-8", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(2, chunkWarnings.Count, string.Join("\n", chunkWarnings));
        StringAssert.Contains(chunkWarnings[0], "line 3");
        StringAssert.Contains(chunkWarnings[1], "line 9");
    }

    [TestMethod]
    public void A_label_with_a_different_value_on_every_row_is_refused_by_name()
    {
        using var temp = new TempDirectory();
        var path = Posts(temp, i => "1", label: i => $"tag{i}");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" }));
        StringAssert.Contains(error.Message, "'mood'");
        StringAssert.Contains(error.Message, "each of its 20 labelled rows");
    }

    [TestMethod]
    public void A_truncated_JPEG_fails_strict_image_checking_but_is_kept_without_it()
    {
        using var temp = new TempDirectory();
        using (var bitmap = new SKBitmap(64, 64))
        {
            bitmap.Erase(SKColors.SteelBlue);
            using var image = SKImage.FromBitmap(bitmap);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            var bytes = jpeg.ToArray();
            File.WriteAllBytes(Path.Combine(temp.Path, "whole.jpg"), bytes);
            File.WriteAllBytes(Path.Combine(temp.Path, "cut.jpg"), bytes[..(bytes.Length / 2)]);
        }

        var rows = Enumerable.Range(0, 6).Select(i => $"p{i}\tpost {i}\t{(i == 3 ? "cut.jpg" : "whole.jpg")}\t{(i % 2 == 0 ? "up" : "down")}");
        var path = temp.Write("posts.tsv", string.Join("\n", ["id\ttext\timage\tmood", .. rows]) + "\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood", StrictImages = true }));
        StringAssert.Contains(error.Message, "line 5");
        StringAssert.Contains(error.Message, "cut.jpg");

        var lenient = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "mood" });
        Assert.AreEqual(6, lenient.RowCount);
    }

    private static int IndexOf(List<byte> bytes, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            if (bytes.Skip(i).Take(pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new InvalidOperationException("pattern not found");
    }
}
