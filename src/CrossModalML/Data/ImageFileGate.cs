using CrossModalML.IO;
using SkiaSharp;

namespace CrossModalML.Data;

/// <summary>Decides whether an image file may be read, in an order that never opens what it must not: the allowed
/// root first (on the real path, every link resolved), then the kind of file (only regular files are opened), then the
/// header's dimensions against the pixel limit (before anything is decoded).</summary>
/// <remarks>Immutable and thread-safe. The check and the later read are separate steps: whoever can write inside the
/// root can still swap a file between them, so the root must be writable only by trusted users.</remarks>
internal sealed class ImageFileGate
{
    /// <summary>The default pixel limit (width × height): 40 megapixels, above any camera photo in common use, while a
    /// decode of that size stays near 160 MB.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    private readonly FolderScope? _scope;

    /// <param name="allowedRoot">The directory every image must lie in, or <see langword="null"/> for any.</param>
    /// <param name="maxPixels">The most pixels (width × height) an image may declare.</param>
    public ImageFileGate(string? allowedRoot, long maxPixels)
    {
        if (allowedRoot is not null)
        {
            _scope = new FolderScope(allowedRoot);
            Root = _scope.Root;
        }

        MaxPixels = maxPixels;
    }

    /// <summary>A gate with no root and the default pixel limit.</summary>
    public static ImageFileGate Unrestricted { get; } = new(null, DefaultMaxPixels);

    /// <summary>The allowed root as a real path ending in a separator, or <see langword="null"/>.</summary>
    public string? Root { get; }

    /// <summary>The most pixels an image may declare.</summary>
    public long MaxPixels { get; }

    /// <summary>Judges one absolute path; nothing outside the root is opened, and only a regular file's header is read.</summary>
    public ImageAdmission Admit(string fullPath)
    {
        var located = ResolveInsideRoot(fullPath);
        if (located.Problem is not null)
        {
            return located;
        }

        var real = located.Path;
        switch (FileKindProbe.Of(real))
        {
            case FileKind.Missing:
                return new ImageAdmission(real, ImageProblem.NotFound);
            case FileKind.Directory or FileKind.Special:
                return new ImageAdmission(real, ImageProblem.NotRegularFile);
        }

        var (width, height) = ReadDimensions(real);
        if (width <= 0 || height <= 0)
        {
            return new ImageAdmission(real, ImageProblem.Undecodable);
        }

        var admission = new ImageAdmission(real, null, width, height);
        return admission.Pixels > MaxPixels ? admission with { Problem = ImageProblem.TooLarge } : admission;
    }

    /// <summary>Resolves every link on <paramref name="fullPath"/> and checks the result against the root, without
    /// opening anything.</summary>
    /// <returns>The real path with no problem; or <see cref="ImageProblem.OutsideRoot"/> (with the real path when the
    /// escape is through a link); or <see cref="ImageProblem.NotFound"/> when the links loop.</returns>
    public ImageAdmission ResolveInsideRoot(string fullPath)
    {
        // An escape by '..' or by an absolute path is refused without touching the file system at all.
        if (_scope is not null && !_scope.HoldsAsSpelled(fullPath))
        {
            return new ImageAdmission(fullPath, ImageProblem.OutsideRoot);
        }

        var real = RealPath.TryResolve(fullPath);
        if (real is null)
        {
            return new ImageAdmission(fullPath, ImageProblem.NotFound);
        }

        return _scope is not null && !_scope.HoldsReal(real)
            ? new ImageAdmission(real, ImageProblem.OutsideRoot)
            : new ImageAdmission(real, null);
    }

    /// <summary>A short description of a problem, for messages: "is {this}".</summary>
    public string Describe(ImageAdmission admission) => admission.Problem switch
    {
        ImageProblem.NotFound => "not found",
        ImageProblem.Undecodable => "not a decodable image",
        ImageProblem.NotLocal => "a web address, not a local file (download the images and give their paths)",
        ImageProblem.NotRegularFile => "not a regular file (a directory, FIFO, socket or device), so it is not opened",
        ImageProblem.TooLarge => $"{admission.Width} x {admission.Height} pixels ({admission.Pixels:N0}), more than the limit of {MaxPixels:N0} pixels, so it is not decoded",
        ImageProblem.OutsideRoot => $"outside the allowed image root '{Root}'",
        null => "readable",
        _ => admission.Problem.Value.ToString(),
    };

    private static (int Width, int Height) ReadDimensions(string path)
    {
        try
        {
            // Creating a codec reads only the header, which holds the format and the dimensions.
            using var codec = SKCodec.Create(path);
            return codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }
}
