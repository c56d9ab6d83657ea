namespace CrossModalML.Featurization.Encoders;

/// <summary>Inputs for one pretrained encoder to encode: texts, or image paths that every worker can open.</summary>
/// <param name="Encoder">The encoder's name (<see cref="PretrainedEncoder.Name"/>).</param>
/// <param name="Inputs">Inputs that all have content (see <see cref="PretrainedEncoder.ContentKey"/>).</param>
internal sealed record EncodingShard(string Encoder, string[] Inputs);
