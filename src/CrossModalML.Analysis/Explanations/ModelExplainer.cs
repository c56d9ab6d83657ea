using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Prediction;
using CrossModalML.Training;

namespace CrossModalML.Analysis.Explanations;

/// <summary>Explains a saved model by what happens when its inputs are scrambled or taken away.</summary>
/// <remarks>
/// <para><b>Global</b> (<see cref="ExplainGlobal(PostDataset, string?, CancellationToken)"/>): permutation importance at the level people reason about — a
/// modality (all its columns permuted together, so their joint signal is broken) and each input column. Each group is
/// shuffled across posts <see cref="ExplainerOptions.Repeats"/> times and the loss of quality is averaged.</para>
/// <para><b>Per post</b> (<see cref="ExplainPost"/>): occlusion — the post is scored again with a modality (or a column)
/// removed, which the featurizer treats exactly like a post that lacks it (zeros plus a missing indicator), and the
/// change in the predicted class's probability is that input's contribution.</para>
/// <para>Both work on any CrossModalML model, whatever its trainer; a per-post explanation of a multi-task model
/// explains one task at a time. <see cref="PredictorExplanations.Explain"/> offers the per-post explanation on the
/// predictor itself. Thread-safe when the predictor is.</para>
/// </remarks>
public sealed class ModelExplainer
{
    private readonly CrossModalPredictor _predictor;
    private readonly ExplainerOptions _options;

    /// <summary>Creates an explainer for a loaded model.</summary>
    /// <param name="predictor">The model; the explainer does not own it.</param>
    /// <param name="options">Optional settings.</param>
    public ModelExplainer(CrossModalPredictor predictor, ExplainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        _predictor = predictor;
        _options = options ?? new ExplainerOptions();
        if (_options.Repeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Repeats, "ExplainerOptions.Repeats must be at least 1.");
        }

        if (_options.MaxRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxRows, "ExplainerOptions.MaxRows must be at least 1, or null for every post.");
        }
    }

    /// <summary>Ranks modalities and columns by how much the model's quality drops when each is permuted.</summary>
    /// <param name="labelled">Posts with the label, e.g. from <see cref="CrossModalPredictor.LoadInput"/> with <c>requireLabel: true</c>.</param>
    /// <param name="cancellationToken">Stops between evaluations.</param>
    /// <exception cref="ArgumentException">The posts have no label column or no rows.</exception>
    public GlobalExplanation ExplainGlobal(PostDataset labelled, CancellationToken cancellationToken = default) =>
        ExplainGlobal(labelled, task: null, cancellationToken);

    /// <summary>Ranks modalities and columns by how much one task's quality drops when each is permuted.</summary>
    /// <param name="labelled">Posts with the label (for a multi-task model, every task's label), e.g. from
    /// <see cref="CrossModalPredictor.LoadInput"/> with <c>requireLabel: true</c>. When they are more than
    /// <see cref="ExplainerOptions.MaxRows"/>, a seeded sample of them is permuted.</param>
    /// <param name="task">For a multi-task model, the task whose quality is measured (its label column); <c>null</c>
    /// measures the main task. Must be <c>null</c> or the label column for a single-task model.</param>
    /// <param name="cancellationToken">Stops between evaluations.</param>
    /// <returns>The ranking; <see cref="GlobalExplanation.Warnings"/> says when the posts are the model's training rows.</returns>
    /// <exception cref="ArgumentException">The posts have no label column or no rows, or the model has no task of that name.</exception>
    public GlobalExplanation ExplainGlobal(PostDataset labelled, string? task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        var labelColumn = labelled.LabelColumn
            ?? throw new ArgumentException($"'{labelled.SourcePath}' has no label column; global explanations compare quality and need labels.", nameof(labelled));
        if (labelled.RowCount == 0)
        {
            throw new ArgumentException($"'{labelled.SourcePath}' has no rows; a global explanation measures quality on labelled posts and needs at least one.", nameof(labelled));
        }

        var manifest = _predictor.Manifest;
        var explained = TaskOf(manifest, task);
        var warnings = Packaging.SeenDataCheck.Warnings(manifest, labelled, "the baseline (and so every importance below)");
        labelled = Sample(labelled);
        var inputs = InputColumns(labelled);
        var labels = manifest.Tasks?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        labels.Add(labelColumn);
        var schema = labelled.Columns.Where(c => c.Role != ColumnRole.Ignore || labels.Contains(c.Name)).ToList();
        var rows = Rows(labelled, schema.Select(c => c.Name));
        bool regression = explained.Task == TaskKind.Regression;
        double Quality(PostDataset data) => explained.Name == manifest.LabelColumn ? _predictor.Evaluate(data).Primary : _predictor.EvaluateTasks(data)[explained.Name].Primary;
        double baseline = Quality(labelled);

        FeatureImportance Permute(string name, Modality modality, IReadOnlyList<string> columns, int groupIndex)
        {
            var drops = new double[_options.Repeats];
            for (int r = 0; r < drops.Length; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var random = new Random(unchecked(_options.Seed * 7919 + groupIndex * 104729 + r));
                var order = Enumerable.Range(0, rows.Count).ToArray();
                random.Shuffle(order);
                var permuted = rows.Select((row, i) =>
                {
                    var copy = new Dictionary<string, string?>(row, StringComparer.Ordinal);
                    foreach (var column in columns)
                    {
                        copy[column] = rows[order[i]][column];
                    }

                    return (IReadOnlyDictionary<string, string?>)copy;
                }).ToList();
                var data = PostDataset.FromRows(schema, manifest.Task, manifest.ClassLabels, permuted, imageBaseDirectory: null, keepLabel: true);
                double score = Quality(data);
                drops[r] = regression ? score - baseline : baseline - score;
            }

            double mean = drops.Average();
            double std = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / drops.Length);
            return new FeatureImportance(name, modality, columns, mean, std);
        }

        var byModality = inputs.GroupBy(c => ModalityOf(c.Role)).OrderBy(g => g.Key).ToList();
        var modalities = byModality
            .Select((g, i) => Permute(g.Key.ToString(), g.Key, g.Select(c => c.Name).ToList(), i))
            .OrderByDescending(f => f.Drop).ToList();
        var columns = inputs
            .Select((c, i) => Permute(c.Name, ModalityOf(c.Role), [c.Name], byModality.Count + i))
            .OrderByDescending(f => f.Drop).ToList();
        return new GlobalExplanation(regression ? "RMSE" : "macro-F1", baseline, rows.Count, modalities, columns)
        {
            Task = explained.Name,
            Warnings = warnings,
        };
    }

    /// <summary>The name and kind of the task to explain; the main task when <paramref name="task"/> is <c>null</c>.</summary>
    private static (string Name, TaskKind Task) TaskOf(Packaging.ModelManifest manifest, string? task)
    {
        if (task is null || task == manifest.LabelColumn)
        {
            return (manifest.LabelColumn, manifest.Task);
        }

        var found = manifest.Tasks?.FirstOrDefault(t => t.Name == task);
        if (found is null)
        {
            var known = manifest.Tasks?.Select(t => t.Name) ?? [manifest.LabelColumn];
            throw new ArgumentException($"The model has no task '{task}'; its tasks are: {string.Join(", ", known.Select(k => $"'{k}'"))}.", nameof(task));
        }

        return (found.Name, found.Task);
    }

    /// <summary>The posts, or a seeded sample of <see cref="ExplainerOptions.MaxRows"/> of them in file order.</summary>
    private PostDataset Sample(PostDataset data)
    {
        if (_options.MaxRows is not { } limit || data.RowCount <= limit)
        {
            return data;
        }

        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        new Random(_options.Seed).Shuffle(rows);
        return data.Select(rows.Take(limit).Order().ToList());
    }

    /// <summary>Shows how each modality and column moved one post's prediction.</summary>
    /// <param name="post">The post, as for <see cref="CrossModalPredictor.Predict(IReadOnlyDictionary{string, string})"/>.</param>
    /// <param name="task">For a multi-task model, the task whose prediction to explain (its label column); <c>null</c>
    /// explains the main task. Must be <c>null</c> or the label column for a single-task model.</param>
    /// <exception cref="ArgumentException">The model has no task of that name.</exception>
    public PostExplanation ExplainPost(IReadOnlyDictionary<string, string?> post, string? task = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var manifest = _predictor.Manifest;
        if (task is not null && task != manifest.LabelColumn && !(manifest.Tasks?.Any(t => t.Name == task) ?? false))
        {
            var known = manifest.Tasks?.Select(t => t.Name) ?? [manifest.LabelColumn];
            throw new ArgumentException($"The model has no task '{task}'; its tasks are: {string.Join(", ", known.Select(k => $"'{k}'"))}.", nameof(task));
        }

        PostPrediction Of(PostPrediction p) => task is not null && p.Tasks.TryGetValue(task, out var own) ? own : p;
        var inputs = _predictor.Manifest.InputColumns().Where(c => c.Role != ColumnRole.User && post.ContainsKey(c.Name)).ToList();
        var groups = new List<(string Name, Modality Modality, IReadOnlyList<string> Columns, bool IsModality)>();
        foreach (var g in inputs.GroupBy(c => ModalityOf(c.Role)).OrderBy(g => g.Key))
        {
            groups.Add((g.Key.ToString(), g.Key, g.Select(c => c.Name).ToList(), true));
        }

        groups.AddRange(inputs.Select(c => (c.Name, ModalityOf(c.Role), (IReadOnlyList<string>)[c.Name], false)));

        var variants = new List<IReadOnlyDictionary<string, string?>> { post };
        foreach (var group in groups)
        {
            var without = new Dictionary<string, string?>(post, StringComparer.Ordinal);
            foreach (var column in group.Columns)
            {
                without[column] = null;
            }

            variants.Add(without);
        }

        var predictions = _predictor.PredictBatch(variants);
        var full = Of(predictions[0]);
        double Score(PostPrediction p) => full.PredictedLabel is { } label ? Of(p).Probabilities[label] : Of(p).Value ?? 0;
        double fullScore = Score(full);
        var contributions = groups.Select((g, i) => (g.IsModality, Contribution: new Contribution(g.Name, g.Modality, fullScore - Score(predictions[i + 1])))).ToList();
        return new PostExplanation(
            full.PredictedLabel,
            fullScore,
            contributions.Where(c => c.IsModality).Select(c => c.Contribution).OrderByDescending(c => Math.Abs(c.Delta)).ToList(),
            contributions.Where(c => !c.IsModality).Select(c => c.Contribution).OrderByDescending(c => Math.Abs(c.Delta)).ToList());
    }

    /// <summary>The modality a column role feeds.</summary>
    /// <param name="role">A featurized role.</param>
    public static Modality ModalityOf(ColumnRole role) => role switch
    {
        ColumnRole.Text => Modality.Text,
        ColumnRole.Image => Modality.Image,
        _ => Modality.Metadata,
    };

    private List<ColumnSchema> InputColumns(PostDataset data)
    {
        var present = data.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var modalities = _predictor.Manifest.Featurizer.Modalities;
        return _predictor.Manifest.InputColumns()
            .Where(c => c.Role is not ColumnRole.User && present.Contains(c.Name) && modalities.HasFlag(ModalityOf(c.Role)))
            .ToList();
    }

    private static List<IReadOnlyDictionary<string, string?>> Rows(PostDataset data, IEnumerable<string> columns)
    {
        var values = columns.ToDictionary(c => c, data.GetColumnValues, StringComparer.Ordinal);
        return Enumerable.Range(0, data.RowCount)
            .Select(i => (IReadOnlyDictionary<string, string?>)values.ToDictionary(v => v.Key, v => v.Value[i].Length == 0 ? null : (string?)v.Value[i], StringComparer.Ordinal))
            .ToList();
    }
}
