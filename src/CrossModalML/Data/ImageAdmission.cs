namespace CrossModalML.Data;

/// <summary>The verdict of <see cref="ImageFileGate.Admit"/> on one absolute image path.</summary>
/// <param name="Path">The path to read: the real path (no links left on it) when it could be resolved, else the path as checked.</param>
/// <param name="Problem">Why the image must not or cannot be read; <see langword="null"/> when it may be decoded.</param>
/// <param name="Width">The width its header declares, when read.</param>
/// <param name="Height">The height its header declares, when read.</param>
internal readonly record struct ImageAdmission(string Path, ImageProblem? Problem, int Width = 0, int Height = 0)
{
    /// <summary>Width times height, as declared by the header.</summary>
    public long Pixels => (long)Width * Height;
}
