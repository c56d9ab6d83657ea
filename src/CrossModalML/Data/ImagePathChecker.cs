namespace CrossModalML.Data;

/// <summary>Resolves image cells to absolute paths and judges each distinct path once with an <see cref="ImageFileGate"/>:
/// inside the allowed root, a regular file, a decodable header within the pixel limit.</summary>
/// <remarks>Not thread-safe; one instance serves one load.</remarks>
internal sealed class ImagePathChecker
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, ImageAdmission> _checked = new(StringComparer.Ordinal);

    public ImagePathChecker(string baseDirectory, ImageFileGate gate)
    {
        _baseDirectory = baseDirectory;
        Gate = gate;
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
            _checked.Add(fullPath, admission);
        }

        return admission;
    }
}
