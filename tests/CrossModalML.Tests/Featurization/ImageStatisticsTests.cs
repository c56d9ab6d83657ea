using CrossModalML.Featurization.Image;
using CrossModalML.Tests.TestSupport;
using SkiaSharp;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class ImageStatisticsTests
{
    private static float[] Features(Action<SKCanvas> draw, int width = 64, int height = 64)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas);
        }

        var values = new float[ImageStatistics.Length];
        ImageStatistics.Compute(bitmap, values);
        return values;
    }

    [TestMethod]
    public void Red_and_blue_fill_different_hue_bins()
    {
        var red = Features(c => c.Clear(SKColors.Red));
        var blue = Features(c => c.Clear(SKColors.Blue));
        Assert.AreEqual(1f, red[0], 1e-4f, "red is hue 0°, bin 0");
        Assert.AreEqual(1f, blue[8], 1e-4f, "blue is hue 240°, bin 8");
        Assert.AreEqual(0f, red[8], 1e-6f);
    }

    [TestMethod]
    public void Brightness_orders_white_over_grey_over_black()
    {
        float white = Features(c => c.Clear(SKColors.White))[20];
        float grey = Features(c => c.Clear(new SKColor(128, 128, 128)))[20];
        float black = Features(c => c.Clear(SKColors.Black))[20];
        Assert.IsTrue(white > grey && grey > black, $"{white} > {grey} > {black}");
    }

    [TestMethod]
    public void A_checkerboard_has_more_edges_and_contrast_than_a_flat_image()
    {
        var flat = Features(c => c.Clear(SKColors.Gray));
        var checker = Features(c =>
        {
            c.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black };
            for (int y = 0; y < 64; y += 8)
            {
                for (int x = (y / 8 % 2) * 8; x < 64; x += 16)
                {
                    c.DrawRect(x, y, 8, 8, paint);
                }
            }
        });
        Assert.IsTrue(checker[24] > flat[24] + 0.2f, $"edge density {checker[24]} vs {flat[24]}");
        Assert.IsTrue(checker[21] > 0.4f && flat[21] < 0.01f, "contrast");
    }

    [TestMethod]
    public void The_aspect_slot_records_the_original_shape()
    {
        var wide = Features(c => c.Clear(SKColors.Gray), width: 128, height: 64);
        Assert.AreEqual(MathF.Log(2), wide[27], 1e-5f);
    }

    [TestMethod]
    public void A_missing_or_broken_file_gives_zeros_and_false()
    {
        using var temp = new TempDirectory();
        var broken = temp.File("broken.png");
        File.WriteAllText(broken, "not an image");
        var values = Enumerable.Repeat(1f, ImageStatistics.Length).ToArray();
        Assert.IsFalse(ImageStatistics.TryCompute(temp.File("absent.png"), values));
        Assert.IsFalse(ImageStatistics.TryCompute(broken, values));
        Assert.IsFalse(ImageStatistics.TryCompute("", values));
        Assert.IsTrue(values.All(v => v == 0));
    }
}
