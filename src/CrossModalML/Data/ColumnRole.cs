namespace CrossModalML.Data;

/// <summary>What a column of a post table means to CrossModalML.</summary>
/// <remarks>
/// The role decides the column's type in the <see cref="Microsoft.ML.IDataView"/> that the data layer hands on:
/// <see cref="Numeric"/> columns are <see cref="float"/> (missing values are <see cref="float.NaN"/>);
/// a <see cref="Label"/> column is <see cref="float"/> for regression and text otherwise;
/// every other role is text (<see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>), with missing values as empty text.
/// <see cref="Image"/> columns hold the image's absolute path, or empty text when the post has no usable image.
/// </remarks>
public enum ColumnRole
{
    /// <summary>Not used for learning; kept out of the model.</summary>
    Ignore = 0,

    /// <summary>The value to predict.</summary>
    Label,

    /// <summary>Free text (the post's body, a title, a description).</summary>
    Text,

    /// <summary>Path of an image file, relative to the data file or absolute.</summary>
    Image,

    /// <summary>A number (counts, scores, lengths).</summary>
    Numeric,

    /// <summary>A value from a small set (language, device, event).</summary>
    Categorical,

    /// <summary>The author's identifier. Never featurized directly, and never stored in a model package.</summary>
    User,

    /// <summary>A point in time (ISO-8601 text or Unix seconds).</summary>
    Timestamp,

    /// <summary>The post's identifier, echoed in predictions and never learned from.</summary>
    Id,
}
