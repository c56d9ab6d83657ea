namespace CrossModalML.Featurization.Encoders;

/// <summary>The pretrained encoders shipped with the library, by name.</summary>
internal static class PretrainedEncoders
{
    public static IReadOnlyList<PretrainedEncoder> All => [ResNet18Encoder.Instance, SentenceTransformerEncoder.MiniLM, SentenceTransformerEncoder.ArcticXs];

    public static IEnumerable<string> Names => All.Select(e => e.Name);

    public static PretrainedEncoder? Find(string? name) => All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
