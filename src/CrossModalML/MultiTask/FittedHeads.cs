using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>Fitted heads over one set of rows.</summary>
/// <param name="Heads">Each task's head.</param>
/// <param name="OutputColumns">The unprefixed output column a stacked head reads from each auxiliary head.</param>
/// <param name="Stacked">Whether the main head reads the auxiliary outputs.</param>
internal sealed record FittedHeads(IReadOnlyDictionary<string, ITransformer> Heads, IReadOnlyDictionary<string, string> OutputColumns, bool Stacked);
