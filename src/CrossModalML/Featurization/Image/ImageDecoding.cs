using SkiaSharp;

namespace CrossModalML.Featurization.Image;

/// <summary>Decodes image files without throwing: a missing or unreadable image is simply absent.</summary>
public static class ImageDecoding
{
    /// <summary>Decodes <paramref name="path"/>, or returns <c>null</c> when it is empty, missing or not a decodable image.</summary>
    /// <param name="path">An image file path.</param>
    /// <returns>The bitmap, owned by the caller; or <c>null</c>.</returns>
    public static SKBitmap? TryDecode(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
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

    /// <summary>Whether <paramref name="path"/> names a file SkiaSharp can decode, judged from its header.</summary>
    /// <param name="path">An image file path.</param>
    public static bool IsDecodable(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return false;
        }

        using var codec = SKCodec.Create(path);
        return codec is not null;
    }
}
