namespace CrossModalML.Data;

/// <summary>A post file or a set of posts cannot be used as given: the message names the source, the line, the column
/// and the value at fault, and what would be valid.</summary>
public sealed class PostDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public PostDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error, for example a JSON syntax error.</param>
    public PostDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
