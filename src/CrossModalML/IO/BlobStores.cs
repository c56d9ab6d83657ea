using System.Collections.Concurrent;

namespace CrossModalML.IO;

/// <summary>The blob stores this process reads through, each under a URI scheme: a work item that names a file as
/// <c>scheme:key</c> is read from the store registered for <c>scheme</c>.</summary>
/// <remarks>
/// <para>A worker started with a data root (<c>WorkerOptions.DataRoot</c>, <c>crossmodal worker --data-root</c>)
/// registers a <see cref="FileSystemBlobStore"/> over it as <see cref="DataRootScheme"/>; a client whose cluster
/// connection names its own mount of the same data sends paths under it as <c>data:</c> keys, so each machine may mount
/// the data where it likes. Absolute local paths, <c>file:</c> URIs and web addresses are not store references.</para>
/// <para>An object store plugs in the same way: implement <see cref="IBlobStore"/> (e.g. over S3 or Azure Blob Storage)
/// and call <see cref="Register"/> on every worker before it takes work. Thread-safe.</para>
/// </remarks>
public static class BlobStores
{
    /// <summary>The scheme of keys relative to the data root that clients and workers each mount: <c>data</c>.</summary>
    public const string DataRootScheme = "data";

    private static readonly ConcurrentDictionary<string, IBlobStore> Registered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers <paramref name="store"/> for references <c><paramref name="scheme"/>:key</c>, replacing any store
    /// registered for that scheme before.</summary>
    /// <param name="scheme">The URI scheme: a letter, then letters, digits, <c>+</c>, <c>-</c> or <c>.</c>; at least two
    /// characters (one letter is a Windows drive); not <c>file</c>, <c>http</c> or <c>https</c>.</param>
    /// <param name="store">The store.</param>
    /// <exception cref="ArgumentException">The scheme is not valid or is reserved.</exception>
    public static void Register(string scheme, IBlobStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!BlobReference.IsStoreScheme(scheme))
        {
            throw new ArgumentException($"'{scheme}' cannot name a blob store: use two or more letters, digits, '+', '-' or '.', starting with a letter, other than file, http and https.", nameof(scheme));
        }

        Registered[scheme] = store;
    }

    /// <summary>Removes the store registered for <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The URI scheme.</param>
    /// <returns>Whether a store was registered for it.</returns>
    public static bool Unregister(string scheme) => Registered.TryRemove(scheme, out _);

    /// <summary>The store registered for <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The URI scheme.</param>
    /// <exception cref="NotSupportedException">No store is registered for it; the message names the scheme.</exception>
    public static IBlobStore Find(string scheme) =>
        Registered.TryGetValue(scheme, out var store)
            ? store
            : throw new NotSupportedException($"No blob store is registered for the scheme '{scheme}:' on this machine. " + (
                scheme.Equals(DataRootScheme, StringComparison.OrdinalIgnoreCase)
                    ? "The client sends paths under its data root as 'data:' keys; give every worker its own mount of the same data as WorkerOptions.DataRoot."
                    : $"Register a store for it on every worker with BlobStores.Register(\"{scheme}\", store)."));
}
