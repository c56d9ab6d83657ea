using SkiaSharp;

namespace CrossModalML.Data;

/// <summary>Resolves image cells to absolute paths and judges each distinct path once with an <see cref="ImageFileGate"/>:
/// inside the allowed root, a regular file, a decodable header within the pixel limit.</summary>
/// <remarks>Not thread-safe; one instance serves one load.</remarks>
internal sealed class ImagePathChecker
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, ImageAdmission> _checked = new(StringComparer.Ordinal);

    private readonly bool _decodeFully;

    /// <param name="baseDirectory">The directory relative paths are resolved against.</param>
    /// <param name="gate">The root, file-kind and pixel-limit checks, made before anything is decoded.</param>
    /// <param name="decodeFully">Whether to decode every pixel of an admitted image (which finds a truncated file)
    /// rather than only its header.</param>
    public ImagePathChecker(string baseDirectory, ImageFileGate gate, bool decodeFully = false)
    {
        _baseDirectory = baseDirectory;
        Gate = gate;
        _decodeFully = decodeFully;
    }

    public ImageFileGate Gate { get; }

    /// <summary>Resolves <paramref name="cell"/> (non-empty) to an absolute path and checks it.</summary>
    /// <returns>The verdict; its path is the real path to read when there is no problem.</returns>
    public ImageAdmission Check(string cell)
    {
        if (Uri.TryCreate(cell, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new ImageAdmission(cell, ImageProblem.NotLocal);
        }

        var fullPath = Path.GetFullPath(cell, _baseDirectory);
        if (!_checked.TryGetValue(fullPath, out var admission))
        {
            admission = Gate.Admit(fullPath);
            if (_decodeFully && admission.Problem is null && !DecodesFully(admission.Path))
            {
                admission = admission with { Problem = ImageProblem.Undecodable };
            }

            _checked.Add(fullPath, admission);
        }

        return admission;
    }

    /// <summary>A truncated file has a valid header; only decoding the pixels finds that the data stops early.</summary>
    private static bool DecodesFully(string path)
    {
        try
        {
            using var codec = SKCodec.Create(path);
            if (codec is null)
            {
                return false;
            }

            using var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
            return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
