using CrossModalML.IO;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Inputs for one pretrained encoder to encode: texts, or references to image files that every worker can open
/// (paths, or <c>data:</c> keys under the workers' data roots).</summary>
/// <param name="Encoder">The encoder's name (<see cref="PretrainedEncoder.Name"/>).</param>
/// <param name="Inputs">Inputs that all have content (see <see cref="PretrainedEncoder.ContentKey"/>).</param>
internal sealed record EncodingShard(string Encoder, string[] Inputs)
{
    /// <summary>A shard whose image paths under <paramref name="dataRoot"/> travel as keys; texts travel as they are.</summary>
    public static EncodingShard ForWorker(PretrainedEncoder encoder, string[] inputs, string? dataRoot) =>
        new(encoder.Name, encoder.InputsAreFiles ? [.. inputs.Select(BlobReference.ForWorker(dataRoot))] : inputs);

    /// <summary>The inputs as this machine reads them: image references resolved through its blob stores.</summary>
    public IReadOnlyList<string> LocalInputs(PretrainedEncoder encoder) =>
        encoder.InputsAreFiles ? [.. Inputs.Select(BlobReference.ToLocalPath)] : Inputs;
}
