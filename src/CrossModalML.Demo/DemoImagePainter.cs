using SkiaSharp;

namespace CrossModalML.Demo;

/// <summary>Draws the small PNG image of a demo post.</summary>
/// <remarks>
/// Drawing is laid out on a 64-unit grid and scaled to the requested size. Anti-aliasing, gradients, arcs and
/// transparency are avoided on purpose: hard-edged opaque fills rasterise to the same pixels on every CPU, which
/// keeps the files byte-identical between runs and machines.
/// </remarks>
internal sealed class DemoImagePainter
{
    private const float Grid = 64f;
    private const int BandHeight = 4;
    private const double TopicGlyphProbability = 0.60;

    /// <summary>Share of sentiment images drawn on an uninformative background, so colour alone cannot read every one.</summary>
    private const double OffPaletteProbability = 0.15;

    /// <summary>Glyph colours per topic, in the order of <see cref="DemoVocabulary.Topics"/>.</summary>
    private static readonly SKColor[] TopicGlyphColours =
    [
        new(0x22, 0xA0, 0x45),
        new(0xE8, 0x73, 0x1C),
        new(0x1F, 0xA3, 0xD6),
        new(0x8A, 0x3E, 0xE0),
        new(0xE0, 0x33, 0x8A),
    ];

    // Eight compass directions as exact constants, so sun rays need no trigonometry.
    private static readonly (float X, float Y)[] RayDirections =
    [
        (1f, 0f), (0.7071f, 0.7071f), (0f, 1f), (-0.7071f, 0.7071f),
        (-1f, 0f), (-0.7071f, -0.7071f), (0f, -1f), (0.7071f, -0.7071f),
    ];

    private readonly Random _random;
    private readonly int _size;

    public DemoImagePainter(Random random, int size)
    {
        _random = random;
        _size = size;
    }

    /// <summary>Draws one image and returns its PNG bytes with its mean luma and mean chroma, both in [0, 1].</summary>
    public (byte[] Png, double Brightness, double Colourfulness) Paint(DemoImageStyle style, int topic)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(_size, _size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Scale(_size / Grid);
            (SKColor top, SKColor bottom) = PickBackground(style);
            DrawBackground(canvas, top, bottom);
            DrawNoise(canvas, top, bottom);
            switch (style)
            {
                case DemoImageStyle.Positive:
                    DrawPositiveMotif(canvas);
                    break;
                case DemoImageStyle.Negative:
                    DrawNegativeMotif(canvas);
                    break;
                case DemoImageStyle.Neutral:
                    DrawPlainRectangles(canvas);
                    break;
                default:
                    DrawAssortedShapes(canvas);
                    break;
            }

            if (_random.NextBool(TopicGlyphProbability))
            {
                DrawTopicGlyph(canvas, topic);
            }
        }

        (double brightness, double colourfulness) = Measure(bitmap);
        using SKPixmap pixmap = bitmap.PeekPixels() ?? throw new InvalidOperationException("The drawn image has no pixels.");
        using SKData png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9)) ?? throw new InvalidOperationException("The drawn image could not be encoded as PNG.");
        return (png.ToArray(), brightness, colourfulness);
    }

    private (SKColor Top, SKColor Bottom) PickBackground(DemoImageStyle style)
    {
        DemoImageStyle palette = style != DemoImageStyle.Uninformative && _random.NextBool(OffPaletteProbability)
            ? DemoImageStyle.Uninformative
            : style;
        double hue, saturation, value;
        switch (palette)
        {
            case DemoImageStyle.Positive:
                hue = _random.NextDouble(15, 55);
                saturation = _random.NextDouble(0.55, 0.90);
                value = _random.NextDouble(0.82, 1.0);
                break;
            case DemoImageStyle.Negative:
                bool grey = _random.NextBool(0.30);
                hue = grey ? _random.NextDouble(0, 360) : _random.NextDouble(200, 240);
                saturation = grey ? _random.NextDouble(0.02, 0.12) : _random.NextDouble(0.20, 0.50);
                value = _random.NextDouble(0.20, 0.48);
                break;
            case DemoImageStyle.Neutral:
                hue = _random.NextDouble(0, 360);
                saturation = _random.NextDouble(0.0, 0.10);
                value = _random.NextDouble(0.42, 0.66);
                break;
            default:
                hue = _random.NextDouble(70, 330);
                saturation = _random.NextDouble(0.25, 0.60);
                value = _random.NextDouble(0.45, 0.85);
                break;
        }

        // The lower colour is a darker, slightly shifted shade, as in a sky or a room lit from above.
        double bottomHue = hue + _random.NextDouble(-10, 10);
        double bottomValue = value * _random.NextDouble(0.75, 0.95);
        return (FromHsv(hue, saturation, value), FromHsv(bottomHue, saturation, bottomValue));
    }

    private static void DrawBackground(SKCanvas canvas, SKColor top, SKColor bottom)
    {
        using var paint = SolidPaint(top);
        int bands = (int)Grid / BandHeight;
        for (int band = 0; band < bands; band++)
        {
            paint.Color = Blend(top, bottom, band / (double)(bands - 1));
            canvas.DrawRect(0, band * BandHeight, Grid, BandHeight, paint);
        }
    }

    private void DrawNoise(SKCanvas canvas, SKColor top, SKColor bottom)
    {
        using var paint = SolidPaint(top);
        int specks = _random.Next(30, 61);
        for (int i = 0; i < specks; i++)
        {
            int x = _random.Next(64);
            int y = _random.Next(64);
            int side = _random.Next(1, 3);
            SKColor local = Blend(top, bottom, y / (Grid - 1));
            paint.Color = Jitter(local, 35);
            canvas.DrawRect(x, y, side, side, paint);
        }

        int lines = _random.Next(3);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 1;
        for (int i = 0; i < lines; i++)
        {
            paint.Color = Jitter(Blend(top, bottom, 0.5), 50);
            canvas.DrawLine(_random.Next(64), _random.Next(64), _random.Next(64), _random.Next(64), paint);
        }
    }

    private void DrawPositiveMotif(SKCanvas canvas)
    {
        using var paint = SolidPaint(FromHsv(_random.NextDouble(45, 60), _random.NextDouble(0.60, 0.90), 1.0));
        float radius = _random.Next(7, 14);
        float cx = _random.Next(14, 51);
        float cy = _random.Next(14, 45);
        canvas.DrawCircle(cx, cy, radius, paint);

        if (_random.NextBool(0.5))
        {
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 2;
            foreach ((float dx, float dy) in RayDirections)
            {
                canvas.DrawLine(cx + (dx * (radius + 2)), cy + (dy * (radius + 2)), cx + (dx * (radius + 6)), cy + (dy * (radius + 6)), paint);
            }
        }
        else
        {
            // A smiley: two eyes and a mouth drawn as a shallow U of three strokes.
            paint.Color = FromHsv(20, 0.6, 0.25);
            float eye = Math.Max(1.5f, radius / 6);
            canvas.DrawCircle(cx - (radius * 0.4f), cy - (radius * 0.3f), eye, paint);
            canvas.DrawCircle(cx + (radius * 0.4f), cy - (radius * 0.3f), eye, paint);
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 2;
            float mouthY = cy + (radius * 0.3f);
            float half = radius * 0.5f;
            using var mouth = new SKPath();
            mouth.MoveTo(cx - half, mouthY);
            mouth.LineTo(cx - (half * 0.4f), mouthY + (radius * 0.25f));
            mouth.LineTo(cx + (half * 0.4f), mouthY + (radius * 0.25f));
            mouth.LineTo(cx + half, mouthY);
            canvas.DrawPath(mouth, paint);
        }
    }

    private void DrawNegativeMotif(SKCanvas canvas)
    {
        if (_random.NextBool(0.6))
        {
            using var paint = SolidPaint(FromHsv(210, _random.NextDouble(0.0, 0.08), _random.NextDouble(0.55, 0.75)));
            float cx = _random.Next(18, 47);
            float cy = _random.Next(12, 30);
            float radius = _random.Next(6, 10);
            canvas.DrawCircle(cx - radius, cy + 2, radius * 0.8f, paint);
            canvas.DrawCircle(cx, cy, radius, paint);
            canvas.DrawCircle(cx + radius, cy + 2, radius * 0.8f, paint);

            paint.Color = FromHsv(205, 0.35, 0.85);
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 1;
            int drops = _random.Next(6, 15);
            for (int i = 0; i < drops; i++)
            {
                float x = cx + _random.Next(-(int)radius * 2, (int)radius * 2 + 1);
                float y = cy + radius + _random.Next(2, 22);
                canvas.DrawLine(x, y, x - 2, y + 5, paint);
            }
        }
        else
        {
            // A jagged, lightning-like zigzag across the image.
            using var paint = SolidPaint(FromHsv(220, 0.05, _random.NextDouble(0.75, 0.92)));
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = _random.Next(2, 4);
            int segments = _random.Next(5, 9);
            float baseline = _random.Next(20, 45);
            using var zigzag = new SKPath();
            zigzag.MoveTo(0, baseline);
            for (int i = 1; i <= segments; i++)
            {
                float offset = _random.Next(6, 13) * (i % 2 == 0 ? 1 : -1);
                zigzag.LineTo(Grid * i / segments, baseline + offset);
            }

            canvas.DrawPath(zigzag, paint);
        }
    }

    private void DrawPlainRectangles(SKCanvas canvas)
    {
        using var paint = SolidPaint(SKColors.Gray);
        int count = _random.Next(2, 5);
        for (int i = 0; i < count; i++)
        {
            paint.Color = FromHsv(_random.NextDouble(0, 360), _random.NextDouble(0.0, 0.08), _random.NextDouble(0.30, 0.80));
            int width = _random.Next(8, 29);
            int height = _random.Next(8, 29);
            canvas.DrawRect(_random.Next(0, 64 - width), _random.Next(0, 64 - height), width, height, paint);
        }
    }

    private void DrawAssortedShapes(SKCanvas canvas)
    {
        using var paint = SolidPaint(SKColors.Gray);
        int count = _random.Next(2, 5);
        for (int i = 0; i < count; i++)
        {
            paint.Color = FromHsv(_random.NextDouble(70, 330), _random.NextDouble(0.30, 0.70), _random.NextDouble(0.30, 0.90));
            int extent = _random.Next(6, 21);
            int x = _random.Next(0, 64 - extent);
            int y = _random.Next(0, 64 - extent);
            switch (_random.Next(3))
            {
                case 0:
                    canvas.DrawRect(x, y, extent, extent * 0.7f, paint);
                    break;
                case 1:
                    canvas.DrawCircle(x + (extent / 2f), y + (extent / 2f), extent / 2f, paint);
                    break;
                default:
                    DrawTriangle(canvas, x, y, extent, paint);
                    break;
            }
        }
    }

    private void DrawTopicGlyph(SKCanvas canvas, int topic)
    {
        using var paint = SolidPaint(TopicGlyphColours[topic]);
        int extent = _random.Next(7, 11);
        int inset = _random.Next(2, 5);
        float x = _random.NextBool(0.5) ? inset : 64 - inset - extent;
        float y = _random.NextBool(0.5) ? inset : 64 - inset - extent;
        float half = extent / 2f;
        switch (topic)
        {
            case 0:
                canvas.DrawCircle(x + half, y + half, half, paint);
                break;
            case 1:
                DrawTriangle(canvas, x, y, extent, paint);
                break;
            case 2:
                using (var diamond = new SKPath())
                {
                    diamond.MoveTo(x + half, y);
                    diamond.LineTo(x + extent, y + half);
                    diamond.LineTo(x + half, y + extent);
                    diamond.LineTo(x, y + half);
                    diamond.Close();
                    canvas.DrawPath(diamond, paint);
                }

                break;
            case 3:
                canvas.DrawRect(x, y, extent, extent, paint);
                break;
            default:
                // A musical note: a head and a stem.
                canvas.DrawCircle(x + (extent * 0.3f), y + (extent * 0.75f), extent * 0.25f, paint);
                canvas.DrawRect(x + (extent * 0.5f), y, 1.5f, extent * 0.75f, paint);
                break;
        }
    }

    private static void DrawTriangle(SKCanvas canvas, float x, float y, float extent, SKPaint paint)
    {
        using var triangle = new SKPath();
        triangle.MoveTo(x + (extent / 2), y);
        triangle.LineTo(x + extent, y + extent);
        triangle.LineTo(x, y + extent);
        triangle.Close();
        canvas.DrawPath(triangle, paint);
    }

    private static SKPaint SolidPaint(SKColor colour) => new() { Color = colour, IsAntialias = false, Style = SKPaintStyle.Fill };

    private SKColor Jitter(SKColor colour, int amount) => new(
        ClampByte(colour.Red + _random.Next(-amount, amount + 1)),
        ClampByte(colour.Green + _random.Next(-amount, amount + 1)),
        ClampByte(colour.Blue + _random.Next(-amount, amount + 1)));

    private static SKColor Blend(SKColor from, SKColor to, double weight) => new(
        ClampByte((int)Math.Round(from.Red + ((to.Red - from.Red) * weight))),
        ClampByte((int)Math.Round(from.Green + ((to.Green - from.Green) * weight))),
        ClampByte((int)Math.Round(from.Blue + ((to.Blue - from.Blue) * weight))));

    private static byte ClampByte(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>Converts hue (degrees, any value; wraps), saturation and value (both in [0, 1]) to an opaque colour.</summary>
    private static SKColor FromHsv(double hue, double saturation, double value)
    {
        double h = ((hue % 360) + 360) % 360 / 60;
        int sector = Math.Min(5, (int)h);
        double fraction = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - (saturation * fraction));
        double t = value * (1 - (saturation * (1 - fraction)));
        (double r, double g, double b) = sector switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
        return new SKColor(ToByte(r), ToByte(g), ToByte(b));
    }

    private static byte ToByte(double unit) => ClampByte((int)Math.Round(unit * 255));

    private static (double Brightness, double Colourfulness) Measure(SKBitmap bitmap)
    {
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        long luma = 0;
        long chroma = 0;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int r = pixels[i];
            int g = pixels[i + 1];
            int b = pixels[i + 2];
            // Integer Rec. 601 weights (per mille) keep the measure exact.
            luma += (299 * r) + (587 * g) + (114 * b);
            chroma += Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
        }

        int count = pixels.Length / 4;
        return (luma / (1000.0 * 255 * count), chroma / (255.0 * count));
    }
}
