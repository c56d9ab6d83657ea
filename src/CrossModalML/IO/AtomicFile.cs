using System.Text;

namespace CrossModalML.IO;

/// <summary>Writes whole files all-or-nothing through a <see cref="StagedFile"/>: when writing fails or is cancelled the
/// existing file is left byte-identical.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>; the file appears only when it returns.</summary>
    /// <param name="path">The file to write; its folder is created if needed.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var staged = StagedFile.Create(path);
        write(staged.Stream);
        staged.Commit();
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Writes bytes.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }
}
