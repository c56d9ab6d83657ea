namespace CrossModalML.Prediction;

/// <summary>An image path in a post to score was refused before the file was opened: it leaves
/// <see cref="PredictorOptions.AllowedImageRoot"/>, it is not a regular file, or its header declares more pixels than
/// <see cref="PredictorOptions.MaxImagePixels"/>.</summary>
/// <remarks><see cref="Exception.Message"/> is for the server's own log: it names the resolved path, the target of any
/// link on it and the root. <see cref="PublicMessage"/> names only what the caller sent, so a service can return it to
/// a remote caller without disclosing the server's directory layout.</remarks>
public sealed class ImagePathException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message, with server paths.</param>
    /// <param name="publicMessage">The message without server paths.</param>
    /// <param name="column">The image column.</param>
    /// <param name="imagePath">The path as the caller gave it.</param>
    public ImagePathException(string message, string publicMessage, string column, string imagePath)
        : base(message, column)
    {
        PublicMessage = publicMessage;
        ImagePath = imagePath;
    }

    /// <summary>The reason in terms of what the caller sent (the column and the path as given), with no resolved server path.</summary>
    public string PublicMessage { get; }

    /// <summary>The image path as the caller gave it.</summary>
    public string ImagePath { get; }
}
