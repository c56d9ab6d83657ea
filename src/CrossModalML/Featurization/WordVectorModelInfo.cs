namespace CrossModalML.Featurization;

/// <summary>Identity and layout of the word-vector model a model uses: file names and hashes, never paths.</summary>
/// <param name="FileName">The .onnx file's name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the .onnx file.</param>
/// <param name="VocabularyFileName">The vocabulary file's name.</param>
/// <param name="VocabularySha256">Lower-case hex SHA-256 of the vocabulary file.</param>
/// <param name="InputColumnName">Input tensor of word ids.</param>
/// <param name="OutputColumnName">Output tensor used as features.</param>
/// <param name="Dimensions">Width of the output vector.</param>
/// <param name="VocabularySize">Words in the vocabulary.</param>
public sealed record WordVectorModelInfo(
    string FileName, string Sha256, string VocabularyFileName, string VocabularySha256, string InputColumnName, string OutputColumnName, int Dimensions, int VocabularySize);
