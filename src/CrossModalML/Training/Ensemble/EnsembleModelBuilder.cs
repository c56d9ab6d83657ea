using CrossModalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Training.Ensemble;

/// <summary>Composes fitted models into one ML.NET chain that scores a post with each member and writes the weighted
/// average of their probabilities in the columns a single model writes (<c>Score</c>, and for binary tasks
/// <c>Probability</c>), so every consumer of the zip (ML.NET, <c>predict</c>, <c>evaluate</c>, the predictor) scores it alike.</summary>
/// <remarks>
/// <para>Each member is a whole model chain (its own featurizer settings and trainer) reading the same input columns;
/// after each, its probabilities are copied aside. A member's block is then concatenated as many times as its selection
/// count, and a registered, stateless mapping averages the blocks: the weights are stored in the chain itself. Binary
/// members must write a calibrated <c>Probability</c>. Multiclass <c>PredictedLabel</c> is mapped from the averaged
/// scores' best class, so it agrees with <c>Score</c>.</para>
/// <para>Loading such a model needs <see cref="CrossModalRegistration.Register"/>, as every CrossModalML model does.</para>
/// </remarks>
public static class EnsembleModelBuilder
{
    internal const string StackedColumn = "__cm_ens_stack";
    internal const string FirstMemberColumn = "__cm_ens_first";
    internal const string ClassIndexColumn = "__cm_ens_class";

    /// <summary>Chains the members and the weighted average.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="task">Binary or multiclass.</param>
    /// <param name="classLabels">The classes in score order.</param>
    /// <param name="members">Fitted single models of the task, each reading the posts' columns.</param>
    /// <param name="counts">How often each member was selected (its weight is its count over the total); at least 1 each.</param>
    /// <param name="input">Data with the posts' schema (only its schema is used).</param>
    /// <exception cref="ArgumentException">A regression task, counts that do not match the members, or an uncalibrated binary member.</exception>
    public static ITransformer Compose(
        MLContext mlContext, TaskKind task, IReadOnlyList<string> classLabels, IReadOnlyList<ITransformer> members, IReadOnlyList<int> counts, IDataView input)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(input);
        if (task is not (TaskKind.Binary or TaskKind.Multiclass))
        {
            throw new ArgumentException($"An ensemble averages class probabilities; task {task} has none.", nameof(task));
        }

        if (members.Count == 0 || members.Count != counts.Count || counts.Any(c => c < 1))
        {
            throw new ArgumentException($"Give each of the {members.Count} member(s) a selection count of at least 1 (got {counts.Count} counts).", nameof(counts));
        }

        var parts = new List<ITransformer>();
        var current = input;
        void Add(ITransformer transformer)
        {
            parts.Add(transformer);
            current = transformer.Transform(current);
        }

        string source = task == TaskKind.Binary ? ModelColumns.Probability : ModelColumns.Score;
        for (int i = 0; i < members.Count; i++)
        {
            Add(members[i]);
            if (current.Schema.GetColumnOrNull(source) is null)
            {
                throw new ArgumentException($"Ensemble member {i + 1} writes no '{source}' column; binary members must be calibrated.", nameof(members));
            }

            Add(mlContext.Transforms.Concatenate(MemberColumn(i), source).Fit(current));
        }

        var stacked = Enumerable.Range(0, members.Count).SelectMany(i => Enumerable.Repeat(MemberColumn(i), counts[i])).ToArray();
        Add(mlContext.Transforms.Concatenate(StackedColumn, stacked).Fit(current));
        Add(mlContext.Transforms.CopyColumns(FirstMemberColumn, MemberColumn(0)).Fit(current));
        if (task == TaskKind.Binary)
        {
            Add(mlContext.Transforms.CustomMapping<EnsembleScoresInput, EnsembleBinaryOutput>(EnsembleBinaryMappingFactory.Map, EnsembleBinaryMappingFactory.ContractName).Fit(current));
        }
        else
        {
            Add(mlContext.Transforms.CustomMapping<EnsembleScoresInput, EnsembleClassOutput>(EnsembleClassMappingFactory.Map, EnsembleClassMappingFactory.ContractName).Fit(current));
            var labels = classLabels.Select((label, index) => new KeyValuePair<uint, string>((uint)index, label));
            Add(mlContext.Transforms.Conversion.MapValue(ModelColumns.PredictedLabel, labels, ClassIndexColumn).Fit(current));
        }

        return new TransformerChain<ITransformer>(parts.ToArray());
    }

    /// <summary>The mean of equal-width blocks: block b is <c>stacked[b·width .. (b+1)·width)</c>.</summary>
    /// <param name="stacked">The blocks, concatenated.</param>
    /// <param name="width">The width of one block.</param>
    public static float[] AverageBlocks(IReadOnlyList<float> stacked, int width)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        if (width < 1 || stacked.Count == 0 || stacked.Count % width != 0)
        {
            throw new ArgumentException($"{stacked.Count} stacked values do not split into blocks of {width}.", nameof(stacked));
        }

        int blocks = stacked.Count / width;
        var average = new float[width];
        for (int b = 0; b < blocks; b++)
        {
            for (int j = 0; j < width; j++)
            {
                average[j] += stacked[b * width + j];
            }
        }

        for (int j = 0; j < width; j++)
        {
            average[j] /= blocks;
        }

        return average;
    }

    private static string MemberColumn(int index) => $"__cm_ens_member{index}";
}
