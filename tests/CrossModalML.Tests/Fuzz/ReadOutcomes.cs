namespace CrossModalML.Tests.Fuzz;

/// <summary>Counts, across fuzz cases, the readings that gave a data set and those that gave a data error.</summary>
internal sealed class ReadOutcomes
{
    public int Results;

    public int Errors;

    public override string ToString() => $"{Results} readings gave a data set, {Errors} a data error.";
}
