using CrossModalML.Data;
using CrossModalML.Featurization;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>One side of the retrieval space: the fitted CrossModalML featurizer for a single text or image column,
/// followed by a principal-component projection when its vector is wider than the side's dimension budget.</summary>
/// <remarks>Transforming is thread-safe (it goes through <see cref="ITransformer.Transform"/> on a fresh view per call).
/// Owns the fitted model, which may hold an ONNX session; dispose it.</remarks>
internal sealed class ModalityFeaturizer : IDisposable
{
    private const string ReducedColumn = "__cm_retrieval_reduced";

    private readonly MLContext _mlContext;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly string _outputColumn;

    private ModalityFeaturizer(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string column, string outputColumn, int dimensions, ImageModelInfo? imageModel, IReadOnlyList<PretrainedEncoderInfo> encoders)
    {
        ImageModel = imageModel;
        Encoders = encoders;
        _mlContext = mlContext;
        _model = model;
        _inputSchema = inputSchema;
        Column = column;
        _outputColumn = outputColumn;
        Dimensions = dimensions;
    }

    /// <summary>The post column this side reads.</summary>
    public string Column { get; }

    /// <summary>The ONNX image encoder this side runs, if any.</summary>
    public ImageModelInfo? ImageModel { get; }

    /// <summary>The pretrained encoders shipped with the library that this side runs (MiniLM, ResNet18); empty for none.</summary>
    public IReadOnlyList<PretrainedEncoderInfo> Encoders { get; }

    /// <summary>The width of the vectors <see cref="Transform"/> returns.</summary>
    public int Dimensions { get; }

    /// <summary>Fits the featurizer on the given cell values (texts, or absolute image paths); with
    /// <paramref name="embeddingOnly"/> only the block of the side's pretrained encoder is kept, when it has one.</summary>
    public static ModalityFeaturizer Fit(MLContext mlContext, string column, ColumnRole role, FeaturizerOptions options, IReadOnlyList<string> values, int maxDimensions, int seed, bool embeddingOnly)
    {
        var input = InputView(mlContext, column, values);
        var pipeline = CrossModalFeaturizer.Build(mlContext, [new ColumnSchema(column, role)], options);
        var featurizer = pipeline.Estimator.Fit(input);
        var source = embeddingOnly ? EmbeddingColumn(pipeline) ?? FeaturizationPipeline.FeaturesColumnName : FeaturizationPipeline.FeaturesColumnName;

        // Cache the featurized rows: the PCA fit and the width check both read them, and decoding images or running an
        // ONNX encoder twice would double the cost.
        var featurized = mlContext.Data.Cache(featurizer.Transform(input));
        int width = VectorWidth(featurized.Schema[source]);
        if (width <= maxDimensions)
        {
            return new ModalityFeaturizer(mlContext, featurizer, input.Schema, column, source, width, pipeline.ImageModel, pipeline.Encoders);
        }

        var reduction = mlContext.Transforms.ProjectToPrincipalComponents(ReducedColumn, source, rank: maxDimensions, seed: seed)
            .Fit(featurized);
        var model = new TransformerChain<ITransformer>(featurizer, reduction);
        return new ModalityFeaturizer(mlContext, model, input.Schema, column, ReducedColumn, maxDimensions, pipeline.ImageModel, pipeline.Encoders);
    }

    /// <summary>Loads a featurizer written by <see cref="Save"/>.</summary>
    public static ModalityFeaturizer Load(MLContext mlContext, Stream stream, string column, string outputColumn, int dimensions, ImageModelInfo? imageModel, IReadOnlyList<PretrainedEncoderInfo> encoders)
    {
        var model = mlContext.Model.Load(stream, out var inputSchema);
        return new ModalityFeaturizer(mlContext, model, inputSchema, column, outputColumn, dimensions, imageModel, encoders);
    }

    /// <summary>The pipeline column holding the side's vector, recorded so a loaded model reads the right one.</summary>
    public string OutputColumn => _outputColumn;

    /// <summary>Featurizes cell values: one row per value, <see cref="Dimensions"/> columns.</summary>
    public Matrix<double> Transform(IReadOnlyList<string> values)
    {
        var output = _model.Transform(InputView(_mlContext, Column, values));
        var column = output.Schema[_outputColumn];
        var matrix = Matrix<double>.Build.Dense(values.Count, Dimensions);

        // Copy inside the cursor loop: ML.NET reuses the row buffer, so a vector kept past the next row would change.
        using var cursor = output.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        int r = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            if (buffer.Length != Dimensions)
            {
                throw new InvalidOperationException($"The '{Column}' featurizer gave a vector of {buffer.Length} values; {Dimensions} were expected.");
            }

            var indices = buffer.GetIndices();
            var stored = buffer.GetValues();
            for (int i = 0; i < stored.Length; i++)
            {
                matrix[r, buffer.IsDense ? i : indices[i]] = stored[i];
            }

            r++;
        }

        return matrix;
    }

    /// <summary>Writes the fitted ML.NET model (with any ONNX encoder inside) as a model zip.</summary>
    public void Save(Stream stream) => _mlContext.Model.Save(_model, _inputSchema, stream);

    public void Dispose() => (_model as IDisposable)?.Dispose();

    private static IDataView InputView(MLContext mlContext, string column, IReadOnlyList<string> values)
    {
        // The featurizer reads the user's column name, so the one-field row type is renamed to it.
        var definition = SchemaDefinition.Create(typeof(CellRow));
        definition[0].ColumnName = column;
        return mlContext.Data.LoadFromEnumerable(values.Select(v => new CellRow { Value = v }).ToList(), definition);
    }

    /// <summary>The pipeline column of the side's pretrained embedding (the MiniLM sentence embedding, the ResNet18 or
    /// ONNX image embedding), or <see langword="null"/> when the side runs no encoder.</summary>
    private static string? EmbeddingColumn(FeaturizationPipeline pipeline) =>
        pipeline.Groups.FirstOrDefault(g => g.Name.StartsWith("sentence embedding ", StringComparison.Ordinal) || g.Name.StartsWith("image embedding ", StringComparison.Ordinal))?.OutputColumn;

    private static int VectorWidth(DataViewSchema.Column column) =>
        column.Type is VectorDataViewType { IsKnownSize: true } vector
            ? vector.Size
            : throw new InvalidOperationException($"The featurizer's '{column.Name}' column is not a fixed-size vector ({column.Type}).");

    /// <summary>One cell of the side's input column.</summary>
    private sealed class CellRow
    {
        public string Value { get; set; } = string.Empty;
    }
}
