using CrossModalML.Featurization;
using CrossModalML.Data;

namespace CrossModalML.AutoML;

/// <summary>The one place that turns a <see cref="QualityPreset"/> and the user's explicit settings into what training
/// does: single fit or search, the search budget, and how evaluation splits are grouped.</summary>
/// <remarks>
/// <para><b>Presets.</b> <see cref="QualityPreset.Fast"/> fits the default trainer once. <see cref="QualityPreset.Balanced"/>
/// (the default) and <see cref="QualityPreset.Best"/> search for <see cref="SearchBudgetRule.For"/>; the search's first
/// trial is the single fit's configuration (<see cref="AutoMLExperimentOptions.StartFromDefault"/>) and, when the plan adds
/// the shipped encoders, its second is the same on the built-in features, the fast preset's model
/// (<see cref="AutoMLExperimentOptions.StartWithBuiltInFeatures"/>), so it never ranks below the fast preset on its own
/// validation and keeps the encoders only where that validation prefers them. <see cref="QualityPreset.Best"/> ends with a weighted ensemble of the best trials
/// (<see cref="AutoMLExperimentOptions.Ensemble"/>); the others do when asked.</para>
/// <para><b>Overrides.</b> An explicit time budget or trial count replaces the preset's budget (and makes even the fast
/// preset search); an explicit trainer means one fit of it.</para>
/// <para><b>Honest splits.</b> When posts share images, a random split tests on images the model saw in training and
/// rewards memorising them (a data set of many posts per image scores near 1.0 that way). Unless the user names a group
/// column, turns grouping off or splits by time, the planner groups by the image column whose posts share images
/// (<see cref="SharedImageColumn"/>), for the single fit's evaluation and the search's trials alike.</para>
/// </remarks>
public static class QualityPresetPlanner
{
    /// <summary>Posts grouped by image when at least this share of the posts with an image share it with another post.</summary>
    public const double SharedImageShare = 0.05;

    /// <summary>Plans a run.</summary>
    /// <param name="data">The training posts.</param>
    /// <param name="request">The preset and the user's explicit settings.</param>
    /// <exception cref="ArgumentException">The request both names a group column and turns grouping off.</exception>
    public static PresetPlan Plan(PostDataset data, PresetRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (request.NoGrouping && request.GroupColumn is not null)
        {
            throw new ArgumentException($"The request groups by '{request.GroupColumn}' and turns grouping off; choose one (CLI: --group-by COLUMN or --group-by none).", nameof(request));
        }

        var (groupColumn, groupingReason) = Grouping(data, request);
        if (request.TrainerFixed)
        {
            return new PresetPlan { Preset = request.Preset, Search = false, BudgetReason = "one fit of the chosen trainer", GroupColumn = groupColumn, GroupingReason = groupingReason };
        }

        var (shipped, shippedCount, encoderReason) = Encoders(data, request);
        int encoders = request.PretrainedEncoders + shippedCount;

        if (request.TimeBudget is not null || request.MaxTrials is not null)
        {
            var given = string.Join(" and ", new[]
            {
                request.TimeBudget is { } t ? FormattableString.Invariant($"{t.TotalSeconds:0.#} s") : null,
                request.MaxTrials is { } n ? $"{n} trials" : null,
            }.OfType<string>());
            return new PresetPlan
            {
                Preset = request.Preset, Search = true, TimeBudget = request.TimeBudget, MaxTrials = request.MaxTrials, Ensemble = request.Ensemble || request.Preset == QualityPreset.Best,
                BudgetReason = $"{given}, as given", GroupColumn = groupColumn, GroupingReason = groupingReason,
                ShippedEncoders = shipped, EncoderReason = encoderReason,
            };
        }

        if (request.NoEvaluation && request.Preset != QualityPreset.Fast)
        {
            return new PresetPlan
            {
                Preset = request.Preset, Search = false, BudgetReason = "evaluation is off, so one fit of the default trainer (a search needs validation scores)",
                GroupColumn = groupColumn, GroupingReason = groupingReason, ShippedEncoders = shipped, EncoderReason = encoderReason,
            };
        }

        if (request.Preset == QualityPreset.Fast)
        {
            return new PresetPlan { Preset = request.Preset, Search = false, BudgetReason = "fast preset: one fit of the default trainer", GroupColumn = groupColumn, GroupingReason = groupingReason };
        }

        return new PresetPlan
        {
            Preset = request.Preset,
            Search = true,
            TimeBudget = SearchBudgetRule.For(request.Preset, data.RowCount, encoders),
            Ensemble = request.Ensemble || request.Preset == QualityPreset.Best,
            BudgetReason = $"{request.Preset.ToString().ToLowerInvariant()} preset: {SearchBudgetRule.Describe(request.Preset, data.RowCount, encoders)}",
            GroupColumn = groupColumn,
            GroupingReason = groupingReason,
            ShippedEncoders = shipped,
            EncoderReason = encoderReason,
        };
    }

    /// <summary>Turns on the encoders a plan chose: ResNet18 for the image columns (replacing the built-in statistics) and
    /// MiniLM beside the text features; nothing when <see cref="PresetPlan.ShippedEncoders"/> is off.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="featurizer">The featurizer options to change.</param>
    public static void ApplyEncoders(PresetPlan plan, FeaturizerOptions featurizer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(featurizer);
        if (!plan.ShippedEncoders)
        {
            return;
        }

        featurizer.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.ResNet18 };
        featurizer.Text.SentenceEncoder = SentenceEncoderKind.MiniLM;
    }

    /// <summary>The balanced and best presets learn from pretrained embeddings: ResNet18 for images and MiniLM for text, both
    /// shipped with the toolkit. Fast keeps the built-in features, and a user's own choice of encoders is kept.</summary>
    private static (bool Shipped, int Count, string? Reason) Encoders(PostDataset data, PresetRequest request)
    {
        if (request.Preset == QualityPreset.Fast || request.EncodersChosen)
        {
            return (false, 0, null);
        }

        bool images = data.Columns.Any(c => c.Role == ColumnRole.Image);
        bool texts = data.Columns.Any(c => c.Role == ColumnRole.Text);
        if (!images && !texts)
        {
            return (false, 0, null);
        }

        var names = new[] { images ? "ResNet18 image embedding" : null, texts ? "MiniLM sentence embedding" : null }.OfType<string>();
        return (true, (images ? 1 : 0) + (texts ? 1 : 0),
            $"{string.Join(" and ", names)} ({request.Preset.ToString().ToLowerInvariant()} preset; encoded once and cached, " +
            "CLI: --preset fast or --image-encoder/--text-encoder to choose)");
    }

    /// <summary>The first image column in which at least <see cref="SharedImageShare"/> of the posts with an image share
    /// that image (the same content, whatever the file is called) with another post; <c>null</c> when there is none.</summary>
    /// <param name="data">The posts.</param>
    public static string? SharedImageColumn(PostDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var column in data.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            var keys = GroupKeys.Of(data, column.Name);
            var counts = keys.Where(p => p.Length > 0).GroupBy(p => p, StringComparer.Ordinal).Select(g => g.Count()).ToList();
            int withImage = counts.Sum();
            int shared = counts.Where(c => c > 1).Sum();

            // One picture on (nearly) every post cannot be split by picture, and a picture every post has leaks nothing.
            if (withImage > 0 && shared >= SharedImageShare * withImage && DataSplitter.GroupCount(keys) >= 2)
            {
                return column.Name;
            }
        }

        return null;
    }

    private static (string? Column, string? Reason) Grouping(PostDataset data, PresetRequest request)
    {
        if (request.GroupColumn is not null)
        {
            return (request.GroupColumn, null);
        }

        if (request.NoGrouping || request.TimeSplit)
        {
            return (null, null);
        }

        if (SharedImageColumn(data) is not { } column)
        {
            return (null, null);
        }

        var paths = GroupKeys.Of(data, column).Where(p => p.Length > 0).ToList();
        int distinct = paths.Distinct(StringComparer.Ordinal).Count();
        return (column,
            $"{paths.Count:N0} posts share {distinct:N0} images in '{column}': evaluation and search keep each image's posts on one side of every split, " +
            "so scores describe images the model has not seen (CLI: --group-by none for random splits, or --group-by COLUMN).");
    }
}
