namespace CrossModalML.Featurization;

/// <summary>Identity and layout of the ONNX image encoder a model uses: its file name and hash, never its path.</summary>
/// <param name="FileName">The .onnx file's name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="InputColumnName">Input tensor name.</param>
/// <param name="OutputColumnName">Output tensor name.</param>
/// <param name="Width">Input width.</param>
/// <param name="Height">Input height.</param>
/// <param name="ChannelOrder">Colour-plane order.</param>
public sealed record ImageModelInfo(string FileName, string Sha256, string InputColumnName, string OutputColumnName, int Width, int Height, ImageChannelOrder ChannelOrder);
