namespace CrossModalML.Packaging;

/// <summary>A file is not a loadable CrossModalML model package: not a zip, no manifest, or an incompatible version.</summary>
public sealed class ModelPackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public ModelPackageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public ModelPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
