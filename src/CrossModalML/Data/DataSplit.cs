namespace CrossModalML.Data;

/// <summary>A split of a data set's rows into a training part and a test part.</summary>
/// <param name="Train">Row indices (0-based, ascending) of the training rows.</param>
/// <param name="Test">Row indices (0-based, ascending) of the test rows.</param>
internal sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test);
