namespace CrossModalML.Data;

/// <summary>What a path names once every symbolic link on it is followed.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file: the only kind an image is read from.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>Anything else: a FIFO, a socket, a character or block device. Opening one can block or never end.</summary>
    Special,
}
