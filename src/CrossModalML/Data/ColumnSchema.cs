namespace CrossModalML.Data;

/// <summary>A column of a post table and the role it plays.</summary>
/// <param name="Name">The column's name, exactly as in the file's header.</param>
/// <param name="Role">What the column means to the model.</param>
public sealed record ColumnSchema(string Name, ColumnRole Role);
