namespace CrossModalML.Featurization;

/// <summary>Identity of a pretrained encoder shipped with the library (ResNet18, MiniLM, ArcticXs), as recorded in a manifest.</summary>
/// <remarks>The network is not stored in the model zip: a saved model names it, and loading checks that this library
/// carries the same network (same <see cref="Sha256"/>), so a model never scores with an encoder other than the one it
/// was trained with.</remarks>
/// <param name="Name">The encoder's name: <c>ResNet18</c>, <c>MiniLM</c> or <c>ArcticXs</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the ONNX network's bytes.</param>
/// <param name="Dimensions">Width of the embedding.</param>
/// <param name="Settings">The encoding settings that change the embedding (for the sentence encoders the model, token limit and pooling).</param>
public sealed record PretrainedEncoderInfo(string Name, string Sha256, int Dimensions, string Settings);
