using System.Text;
using SkiaSharp;

namespace CrossModalML.Tests.Data;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cm-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes UTF-8 text (no BOM) to a file relative to the directory and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = Combine(relativePath);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    /// <summary>Writes a small decodable PNG and returns its full path.</summary>
    public string WritePng(string relativePath, byte shade = 0)
    {
        var full = Combine(relativePath);
        using var bitmap = new SKBitmap(4, 4);
        bitmap.Erase(new SKColor(SKColors.Coral.Red, SKColors.Coral.Green, shade));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(full, data.ToArray());
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would not be.
        }
    }

    private string Combine(string relativePath)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }
}
