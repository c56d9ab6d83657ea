namespace CrossModalML.Data;

/// <summary>What can be wrong with an image cell.</summary>
internal enum ImageProblem
{
    /// <summary>No file at the path.</summary>
    NotFound,

    /// <summary>The file is not an image SkiaSharp can decode.</summary>
    Undecodable,

    /// <summary>A web address; images must be local files.</summary>
    NotLocal,
}
