namespace CrossModalML.Tests.Fuzz;

/// <summary>The kinds of change a <see cref="ByteMutation"/> makes.</summary>
internal enum ByteMutationKind
{
    FlipBit,
    Cut,
    InsertInteresting,
    InsertInvalidUtf8,
    DeleteRange,
    DuplicateLine,
    RemoveLine,
    SwapLines,
}
