using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Encodes ahead, in batches, the posts a loaded model is about to score: a saved model's encoder steps look up
/// one post at a time and run the network for each post the disk cache lacks, which on new posts is one network call per
/// post; this finds the model's encoder steps, reads what each would be given, and fills the disk cache in batches on all
/// cores first (<see cref="EncoderLookup.WarmCache"/>). Scores are unchanged: the steps read the same encodings.</summary>
/// <remarks>An encoder step is recognised by what it writes (the embedding column of <see cref="ColumnNames"/>), in model
/// chains nested to any depth (an ensemble's members are chains of their own). Nothing happens when the disk cache is
/// off (<see cref="EncoderCacheOptions.Enabled"/>), so memory never grows with the posts scored.</remarks>
internal static class LoadedModelEncoding
{
    private static readonly (string Input, string Output, PretrainedEncoder Encoder)[] Steps =
    [
        (ColumnNames.SentenceText, ColumnNames.SentenceEmbedding, SentenceTransformerEncoder.MiniLM),
        (ColumnNames.SentenceText, ColumnNames.ArcticXsEmbedding, SentenceTransformerEncoder.ArcticXs),
        (ColumnNames.ImagePath, ColumnNames.ImageEmbedding, ResNet18Encoder.Instance),
    ];

    /// <summary>Fills the disk cache with the encodings <paramref name="model"/> needs for <paramref name="posts"/>.</summary>
    /// <param name="model">A model, loaded or fitted.</param>
    /// <param name="posts">The posts it will score, with the model's input schema.</param>
    public static void Warm(ITransformer model, IDataView posts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(posts);
        if (!EncoderCacheOptions.Default.Enabled)
        {
            return;
        }

        Walk(model, posts);
    }

    private static IDataView Walk(ITransformer transformer, IDataView input)
    {
        if (transformer is IEnumerable<ITransformer> chain)
        {
            foreach (var part in chain)
            {
                input = Walk(part, input);
            }

            return input;
        }

        var output = transformer.Transform(input);
        foreach (var (inputColumn, outputColumn, encoder) in Steps)
        {
            if (output.Schema.GetColumnOrNull(outputColumn) is { Index: var index } && index >= input.Schema.Count && input.Schema.GetColumnOrNull(inputColumn) is not null)
            {
                EncoderLookup.ForLoadedModels(encoder).WarmCache(input.GetColumn<string>(inputColumn).Select(v => v ?? string.Empty));
            }
        }

        return output;
    }
}
