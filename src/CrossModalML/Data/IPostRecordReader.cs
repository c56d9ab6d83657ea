namespace CrossModalML.Data;

/// <summary>Reads the rows of one post file format one at a time, checking each as it goes.</summary>
/// <remarks>Errors are <see cref="PostDataException"/>s naming the file, the line and, where there is one, the column
/// and the value. Not thread-safe.</remarks>
internal interface IPostRecordReader
{
    /// <summary>Whether the file has a header row (read before the first row); false for formats without one.</summary>
    bool HasHeader { get; }

    /// <summary>The next row, or <see langword="null"/> at the end of the file. Blank lines are skipped.</summary>
    PostRecord? ReadRecord();
}
