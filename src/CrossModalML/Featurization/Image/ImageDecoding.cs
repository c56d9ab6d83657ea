using CrossModalML.Data;
using SkiaSharp;

namespace CrossModalML.Featurization.Image;

/// <summary>Decodes image files without throwing: a missing or unreadable image is simply absent.</summary>
/// <remarks>Only regular files are opened (a FIFO or device path is absent, never read). The pixel limit and the image
/// root are applied earlier, when posts are loaded or scored (<see cref="PostLoadOptions.MaxImagePixels"/>,
/// <see cref="Prediction.PredictorOptions.MaxImagePixels"/>), so the paths that reach a model are already admitted.</remarks>
public static class ImageDecoding
{
    /// <summary>Decodes <paramref name="path"/>, or returns <c>null</c> when it is empty, missing, not a regular file or
    /// not a decodable image.</summary>
    /// <param name="path">An image file path.</param>
    /// <returns>The bitmap, owned by the caller; or <c>null</c>.</returns>
    public static SKBitmap? TryDecode(string? path)
    {
        if (!IsRegularFile(path))
        {
            return null;
        }

        try
        {
            var bitmap = SKBitmap.Decode(path);
            return bitmap is { Width: > 0, Height: > 0 } ? bitmap : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="path"/> names a regular file SkiaSharp can decode, judged from its header.</summary>
    /// <param name="path">An image file path.</param>
    public static bool IsDecodable(string? path)
    {
        if (!IsRegularFile(path))
        {
            return false;
        }

        using var codec = SKCodec.Create(path);
        return codec is not null;
    }

    private static bool IsRegularFile(string? path) => !string.IsNullOrWhiteSpace(path) && FileKindProbe.Of(path) == FileKind.Regular;
}
