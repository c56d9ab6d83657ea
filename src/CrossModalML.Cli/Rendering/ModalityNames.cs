using CrossModalML.Featurization;

namespace CrossModalML.Cli.Rendering;

/// <summary>Modalities as the flags write them: lower case, several joined with <c>+</c> (<c>text+image</c>).</summary>
internal static class ModalityNames
{
    /// <summary>The flag spelling of <paramref name="modalities"/>; <c>none</c> for none.</summary>
    public static string Of(Modality modalities)
    {
        var names = new[] { (Modality.Text, "text"), (Modality.Image, "image"), (Modality.Metadata, "metadata") }
            .Where(m => modalities.HasFlag(m.Item1))
            .Select(m => m.Item2)
            .ToList();
        return names.Count == 0 ? "none" : string.Join('+', names);
    }
}
