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

    /// <summary>A directory, FIFO, socket or device: never opened.</summary>
    NotRegularFile,

    /// <summary>The header declares more pixels than the configured limit; never decoded.</summary>
    TooLarge,

    /// <summary>The path, with every link on it resolved, leaves the allowed image root; never opened.</summary>
    OutsideRoot,
}
