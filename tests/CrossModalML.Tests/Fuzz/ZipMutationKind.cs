namespace CrossModalML.Tests.Fuzz;

/// <summary>The kinds of damage a <see cref="ZipMutation"/> does to a model zip.</summary>
internal enum ZipMutationKind
{
    RemoveEntry,
    MutateEntry,
    EditManifestJson,
    MutateManifestBytes,
    DuplicateEntry,
    MutateFileBytes,
}
