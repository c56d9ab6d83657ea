namespace CrossModalML.Data;

/// <summary>One column of an <see cref="InMemoryDataView"/>: exactly one of <see cref="Numbers"/> and <see cref="Texts"/> is set.</summary>
/// <param name="Name">The column's name in the data view.</param>
/// <param name="Numbers">The values of a <see cref="float"/> column.</param>
/// <param name="Texts">The values of a text column.</param>
internal sealed record InMemoryColumn(string Name, float[]? Numbers, string[]? Texts);
