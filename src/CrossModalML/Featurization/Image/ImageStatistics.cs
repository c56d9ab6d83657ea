using SkiaSharp;

namespace CrossModalML.Featurization.Image;

/// <summary>Built-in image features that need no model file: colour, light, texture and a tiny thumbnail.</summary>
/// <remarks>
/// The image is decoded and downscaled to <see cref="WorkingSize"/>² first, so cost and features do not depend on the
/// original resolution. Slots, in order:
/// <list type="bullet">
/// <item>0–11: hue histogram (12 bins of 30°), each pixel weighted by its saturation × value, normalised to sum 1;</item>
/// <item>12–15: saturation histogram (4 bins); 16–19: value (brightness) histogram (4 bins);</item>
/// <item>20: mean luminance; 21: contrast (standard deviation of luminance); 22: colourfulness (Hasler–Süsstrunk);
/// 23: mean saturation; 24: edge density (share of pixels whose Sobel magnitude exceeds 0.25);
/// 25: mean and 26: standard deviation of the Sobel magnitude (texture); 27: log of the width/height ratio;</item>
/// <item>28–75: a 4×4 RGB thumbnail (48 values).</item>
/// </list>
/// All values are in [0, 1] except slot 27.
/// </remarks>
internal static class ImageStatistics
{
    /// <summary>Number of values <see cref="Compute"/> writes.</summary>
    public const int Length = 76;

    /// <summary>The side of the square the image is reduced to before measuring.</summary>
    public const int WorkingSize = 64;

    private const int HueBins = 12;
    private const int ThumbnailSize = 4;

    /// <summary>Decodes the image at <paramref name="path"/> and computes its features.</summary>
    /// <param name="path">An image file path; empty, missing or undecodable gives <c>false</c>.</param>
    /// <param name="values">Receives <see cref="Length"/> values; zeros when the image cannot be read.</param>
    /// <returns>Whether the image was read.</returns>
    public static bool TryCompute(string? path, Span<float> values)
    {
        values[..Length].Clear();
        using var bitmap = ImageDecoding.TryDecode(path);
        if (bitmap is null)
        {
            return false;
        }

        Compute(bitmap, values);
        return true;
    }

    /// <summary>Computes the features of a decoded image.</summary>
    /// <param name="bitmap">The image.</param>
    /// <param name="values">Receives <see cref="Length"/> values.</param>
    public static void Compute(SKBitmap bitmap, Span<float> values)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        values[..Length].Clear();
        float aspect = MathF.Log((float)bitmap.Width / Math.Max(1, bitmap.Height));
        using var small = bitmap.Resize(new SKImageInfo(WorkingSize, WorkingSize, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("The image could not be resized.");

        const int n = WorkingSize * WorkingSize;
        var luminance = new float[n];
        double sumL = 0, sumL2 = 0, sumS = 0, sumRg = 0, sumRg2 = 0, sumYb = 0, sumYb2 = 0, hueWeight = 0;
        var thumb = new double[ThumbnailSize * ThumbnailSize * 3];
        int cell = WorkingSize / ThumbnailSize;
        for (int y = 0; y < WorkingSize; y++)
        {
            for (int x = 0; x < WorkingSize; x++)
            {
                var color = small.GetPixel(x, y);
                float r = color.Red / 255f, g = color.Green / 255f, b = color.Blue / 255f;
                float max = MathF.Max(r, MathF.Max(g, b)), min = MathF.Min(r, MathF.Min(g, b));
                float v = max, s = max == 0 ? 0 : (max - min) / max;
                float l = 0.299f * r + 0.587f * g + 0.114f * b;
                luminance[y * WorkingSize + x] = l;
                sumL += l;
                sumL2 += l * l;
                sumS += s;

                float weight = s * v;
                if (weight > 0)
                {
                    values[(int)(Hue(r, g, b, max, min) / 360f * HueBins) % HueBins] += weight;
                    hueWeight += weight;
                }

                values[12 + Math.Min(3, (int)(s * 4))] += 1f / n;
                values[16 + Math.Min(3, (int)(v * 4))] += 1f / n;

                double rg = r - g, yb = 0.5 * (r + g) - b;
                sumRg += rg;
                sumRg2 += rg * rg;
                sumYb += yb;
                sumYb2 += yb * yb;

                int t = ((y / cell) * ThumbnailSize + x / cell) * 3;
                thumb[t] += r;
                thumb[t + 1] += g;
                thumb[t + 2] += b;
            }
        }

        if (hueWeight > 0)
        {
            for (int i = 0; i < HueBins; i++)
            {
                values[i] = (float)(values[i] / hueWeight);
            }
        }

        double meanL = sumL / n;
        values[20] = (float)meanL;
        values[21] = (float)Math.Sqrt(Math.Max(0, sumL2 / n - meanL * meanL));
        double meanRg = sumRg / n, meanYb = sumYb / n;
        double stdRg = Math.Sqrt(Math.Max(0, sumRg2 / n - meanRg * meanRg)), stdYb = Math.Sqrt(Math.Max(0, sumYb2 / n - meanYb * meanYb));
        values[22] = (float)Math.Min(1, Math.Sqrt(stdRg * stdRg + stdYb * stdYb) + 0.3 * Math.Sqrt(meanRg * meanRg + meanYb * meanYb));
        values[23] = (float)(sumS / n);
        Texture(luminance, values);
        values[27] = aspect;
        for (int i = 0; i < thumb.Length; i++)
        {
            values[28 + i] = (float)(thumb[i] / (cell * cell));
        }
    }

    private static void Texture(float[] luminance, Span<float> values)
    {
        int edges = 0, count = 0;
        double sum = 0, sum2 = 0;
        for (int y = 1; y < WorkingSize - 1; y++)
        {
            for (int x = 1; x < WorkingSize - 1; x++)
            {
                float At(int dx, int dy) => luminance[(y + dy) * WorkingSize + x + dx];
                float gx = At(1, -1) + 2 * At(1, 0) + At(1, 1) - At(-1, -1) - 2 * At(-1, 0) - At(-1, 1);
                float gy = At(-1, 1) + 2 * At(0, 1) + At(1, 1) - At(-1, -1) - 2 * At(0, -1) - At(1, -1);

                // The largest possible Sobel magnitude on [0,1] luminance is 4·√2; scale into [0, 1].
                float magnitude = MathF.Sqrt(gx * gx + gy * gy) / (4 * MathF.Sqrt(2));
                sum += magnitude;
                sum2 += magnitude * magnitude;
                if (magnitude > 0.25f)
                {
                    edges++;
                }

                count++;
            }
        }

        double mean = sum / count;
        values[24] = (float)edges / count;
        values[25] = (float)mean;
        values[26] = (float)Math.Sqrt(Math.Max(0, sum2 / count - mean * mean));
    }

    private static float Hue(float r, float g, float b, float max, float min)
    {
        float delta = max - min;
        if (delta <= 0)
        {
            return 0;
        }

        float hue = max == r ? 60 * (((g - b) / delta) % 6) : max == g ? 60 * ((b - r) / delta + 2) : 60 * ((r - g) / delta + 4);
        return hue < 0 ? hue + 360 : hue;
    }
}
