using System.IO.Compression;
using System.Text.Json.Nodes;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.Fuzz;

/// <summary>One change to a model zip: to its entries, to the manifest's JSON, or to the file's raw bytes.</summary>
internal sealed record ZipMutation(ZipMutationKind Kind, double Entry, int Edit, ByteMutation[] Bytes)
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => JsonValue.Create("x"),
        () => JsonValue.Create(-1),
        () => JsonValue.Create(1e308),
        () => JsonValue.Create(int.MaxValue),
        () => JsonValue.Create(true),
        () => new JsonArray(),
        () => new JsonObject(),
        () => JsonValue.Create(new string('a', 5000)),
        () => JsonValue.Create("Binary"),
        () => JsonValue.Create("Label"),
    ];

    public static byte[] Apply(byte[] zip, IEnumerable<ZipMutation> mutations)
    {
        var entries = ReadEntries(zip);
        byte[]? raw = null;
        foreach (var mutation in mutations)
        {
            if (mutation.Kind == ZipMutationKind.MutateFileBytes)
            {
                raw = mutation.Bytes.Aggregate(raw ?? WriteEntries(entries), (bytes, change) => change.ApplyTo(bytes));
                continue;
            }

            if (raw is not null)
            {
                // Entry edits after raw damage would need a readable zip; the raw damage is the last word.
                continue;
            }

            mutation.ApplyTo(entries);
        }

        return raw ?? WriteEntries(entries);
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Kind}(entry {Entry:0.###}, edit {Edit}, bytes [{string.Join(", ", Bytes.Select(b => b.ToString()))}])");

    private void ApplyTo(List<(string Name, byte[] Content)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var index = Math.Min((int)(Entry * entries.Count), entries.Count - 1);
        var manifest = entries.FindIndex(e => e.Name == ModelPackage.ManifestEntryName);
        switch (Kind)
        {
            case ZipMutationKind.RemoveEntry:
                entries.RemoveAt(index);
                break;
            case ZipMutationKind.DuplicateEntry:
                entries.Add(entries[index]);
                break;
            case ZipMutationKind.MutateEntry:
                entries[index] = (entries[index].Name, Bytes.Aggregate(entries[index].Content, (bytes, change) => change.ApplyTo(bytes)));
                break;
            case ZipMutationKind.MutateManifestBytes when manifest >= 0:
                entries[manifest] = (entries[manifest].Name, Bytes.Aggregate(entries[manifest].Content, (bytes, change) => change.ApplyTo(bytes)));
                break;
            case ZipMutationKind.EditManifestJson when manifest >= 0:
                entries[manifest] = (entries[manifest].Name, EditJson(entries[manifest].Content));
                break;
        }
    }

    /// <summary>Replaces or removes one value of the manifest, chosen among all its values, keeping the JSON well formed.</summary>
    private byte[] EditJson(byte[] content)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (System.Text.Json.JsonException)
        {
            return content;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return content;
        }

        var target = nodes[Math.Min((int)(Entry * nodes.Count), nodes.Count - 1)];
        var replacement = Edit % (Replacements.Length + 1);
        switch (target.Parent)
        {
            case JsonObject parent when replacement == Replacements.Length:
                parent.Remove(target.GetPropertyName());
                break;
            case JsonObject parent:
                parent[target.GetPropertyName()] = Replacements[replacement]();
                break;
            case JsonArray parent when replacement == Replacements.Length:
                parent.RemoveAt(target.GetElementIndex());
                break;
            case JsonArray parent:
                parent[target.GetElementIndex()] = Replacements[replacement]();
                break;
            default:
                return Replacements[replacement % Replacements.Length]() is { } whole ? System.Text.Encoding.UTF8.GetBytes(whole.ToJsonString()) : "null"u8.ToArray();
        }

        return System.Text.Encoding.UTF8.GetBytes(root!.ToJsonString());
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, nodes);
                }

                break;
        }
    }

    private static List<(string Name, byte[] Content)> ReadEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return (entry.FullName, memory.ToArray());
        }).ToList();
    }

    private static byte[] WriteEntries(List<(string Name, byte[] Content)> entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }
}
