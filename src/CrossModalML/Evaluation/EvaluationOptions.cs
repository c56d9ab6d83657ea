using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization.Metadata;

namespace CrossModalML.Evaluation;

/// <summary>How <c>CrossModalTrainer</c> estimates quality when no separate test set is given.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The strategy. Default <see cref="EvaluationStrategy.Auto"/>.</summary>
    public EvaluationStrategy Strategy { get; set; } = EvaluationStrategy.Auto;

    /// <summary>Share of rows held out for testing. Default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Number of folds for cross-validation. Default 5.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>A column whose rows must stay together (a user, an image, an event): when set, hold-out and
    /// cross-validation never put one group's rows on both sides, so the metrics describe unseen groups. With
    /// <see cref="Folds"/> equal to the number of groups, cross-validation is leave-one-group-out; with fewer groups than
    /// folds it falls back to leave-one-group-out, and the split's description says so. Default: none.</summary>
    /// <remarks>Use it whenever rows share an image or an author: a random split then tests on near-copies of training rows.
    /// An image column groups by the image's content, so one picture saved under several file names is one group.</remarks>
    public string? GroupColumn { get; set; }

    /// <summary>A timestamp column (ISO-8601 or Unix seconds) to split by time: hold-out tests on the latest
    /// <see cref="TestFraction"/> of the posts, and cross-validation chains forward (the posts in time order are cut into
    /// <see cref="Folds"/> + 1 blocks; fold i trains on the first i blocks and tests on the next), so no model is scored on
    /// posts older than those it learnt from. Every row needs a time. Not combined with <see cref="GroupColumn"/>. Default: none.</summary>
    /// <remarks>Use it when what is predicted drifts (topics, events, slang): a random split then tests on the same
    /// days as training, and overstates how well the model does next week.</remarks>
    public string? TimeColumn { get; set; }

    /// <summary>Below this many rows, <see cref="EvaluationStrategy.Auto"/> cross-validates; at or above it, holds out. Default 1,000.</summary>
    /// <remarks>Small data gives noisy hold-out estimates; large data makes k-fold cost k fits for little gain.</remarks>
    public int CrossValidationRowLimit { get; set; } = 1_000;

    /// <summary>Resolves <see cref="EvaluationStrategy.Auto"/> for a row count.</summary>
    /// <param name="rowCount">Rows available for training.</param>
    public EvaluationStrategy Resolve(int rowCount) =>
        Strategy != EvaluationStrategy.Auto ? Strategy
        : rowCount < CrossValidationRowLimit ? EvaluationStrategy.CrossValidation : EvaluationStrategy.HoldOut;

    /// <summary>The evaluation splits these options call for on <paramref name="data"/>: stratified by label, kept
    /// whole by <see cref="GroupColumn"/>, or in time order by <see cref="TimeColumn"/>; empty for <see cref="EvaluationStrategy.None"/>.</summary>
    /// <param name="data">Labelled posts.</param>
    /// <param name="seed">The seed; the same data, options and seed give the same splits.</param>
    /// <returns>The splits (row indices) and a description for reports, e.g. "stratified 5-fold cross-validation".</returns>
    /// <exception cref="PostDataException">A split would have no test or no training rows (too few rows, or every class
    /// with a single row), which would report metrics of nothing.</exception>
    internal (IReadOnlyList<DataSplit> Splits, string Description) CreateSplits(PostDataset data, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate();
        var (splits, description) = Split(data, seed);
        if (splits.FirstOrDefault(s => s.Test.Count == 0 || s.Train.Count == 0) is { } empty)
        {
            var side = empty.Test.Count == 0 ? "test" : "training";
            throw new PostDataException(
                $"'{data.SourcePath}': the {description} leaves no {side} rows from {data.RowCount:N0} rows " +
                "(a stratified hold-out takes test rows only from classes with 2 or more rows), so its metrics would describe nothing. " +
                "Use more rows, another EvaluationOptions.TestFraction, cross-validation (EvaluationOptions.Strategy = CrossValidation) or no evaluation (EvaluationStrategy.None).");
        }

        return (splits, description);
    }

    private (IReadOnlyList<DataSplit> Splits, string Description) Split(PostDataset data, int seed)
    {
        if (TimeColumn is { } timeColumn)
        {
            var times = Times(data, timeColumn);
            var (timeSplits, timeDescription) = Resolve(data.RowCount) switch
            {
                EvaluationStrategy.HoldOut => (
                    [DataSplitter.TimeOrderedHoldOut(times, TestFraction)],
                    FormattableString.Invariant($"time-ordered hold-out of the latest {TestFraction:P0} by '{timeColumn}'")),
                EvaluationStrategy.CrossValidation => (
                    DataSplitter.TimeOrderedFolds(times, Folds),
                    $"time-ordered {Folds}-fold forward-chaining cross-validation by '{timeColumn}'"),
                _ => ((IReadOnlyList<DataSplit>)[], "not evaluated"),
            };
            CheckEarliestRowsHoldTwoClasses(data, timeSplits, times);
            return (timeSplits, timeDescription);
        }

        var labels = data.GetLabels();
        var groups = GroupColumn is { } groupColumn ? GroupKeys.Of(data, groupColumn) : null;
        var kind = groups is null ? "stratified" : $"grouped by '{GroupColumn}'";
        return Resolve(data.RowCount) switch
        {
            EvaluationStrategy.HoldOut => (
                [groups is null ? DataSplitter.StratifiedHoldOut(labels, TestFraction, seed) : DataSplitter.GroupedHoldOut(groups, TestFraction, seed)],
                FormattableString.Invariant($"{kind} hold-out of {TestFraction:P0}")),
            EvaluationStrategy.CrossValidation when groups is not null && DataSplitter.GroupCount(groups) is var count && count < Folds && count >= 2 => (
                DataSplitter.GroupedKFold(groups, count, seed),
                $"{kind} leave-one-group-out cross-validation ({count} folds: only {count} groups, fewer than the {Folds} folds asked for)"),
            EvaluationStrategy.CrossValidation => (
                groups is null ? DataSplitter.KFold(labels, Folds, seed) : DataSplitter.GroupedKFold(groups, Folds, seed),
                $"{kind} {Folds}-fold cross-validation"),
            _ => ([], "not evaluated"),
        };
    }

    /// <summary>The warning for a grouped cross-validation that has fewer groups than <see cref="Folds"/> and so falls back
    /// to leave-one-group-out; <see langword="null"/> when the splits are what the options ask for.</summary>
    /// <param name="data">Labelled posts.</param>
    public string? GroupFallbackWarning(PostDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (GroupColumn is not { } groupColumn || TimeColumn is not null || Resolve(data.RowCount) != EvaluationStrategy.CrossValidation)
        {
            return null;
        }

        int count = DataSplitter.GroupCount(GroupKeys.Of(data, groupColumn));
        return count < Folds && count >= 2
            ? $"'{groupColumn}' has only {count} groups, fewer than the {Folds} folds asked for (EvaluationOptions.Folds): cross-validation is leave-one-group-out with {count} folds instead."
            : null;
    }

    /// <summary>A time-ordered split trains its first fold on the earliest rows only; when they all have one label, a
    /// classifier cannot be fitted, so this says which rows they are and what to change, before any fit.</summary>
    private void CheckEarliestRowsHoldTwoClasses(PostDataset data, IReadOnlyList<DataSplit> splits, long[] times)
    {
        if (data.Task is not (TaskKind.Binary or TaskKind.Multiclass) || splits.Count == 0 || splits[0].Train.Count == 0)
        {
            return;
        }

        var labels = data.GetLabels();
        var train = splits[0].Train;
        if (train.Select(r => labels[r]).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return;
        }

        bool forward = splits.Count > 1;
        var rows = string.Join(", ", train.Take(5).Select(r => (r + 1).ToString(CultureInfo.InvariantCulture))) + (train.Count > 5 ? ", …" : string.Empty);
        string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("u", CultureInfo.InvariantCulture);
        var part = forward
            ? $"fold 1 of the time-ordered cross-validation trains on block 1 alone, the {train.Count:N0} earliest rows"
            : $"the time-ordered hold-out trains on the {train.Count:N0} earliest rows";
        var remedy = forward
            ? "Use fewer folds (EvaluationOptions.Folds) so the first block reaches further in time, a time-ordered hold-out (EvaluationOptions.Strategy = HoldOut)"
            : "Hold out fewer rows (EvaluationOptions.TestFraction)";
        throw new PostDataException(
            $"'{data.SourcePath}': {part} (data rows {rows}; '{TimeColumn}' from {Time(train.Min(r => times[r]))} to {Time(train.Max(r => times[r]))}), " +
            $"and every one has label '{labels[train[0]]}' in '{data.LabelColumn}'; a classifier needs at least two classes to learn from. " +
            $"{remedy}, or split without time (clear EvaluationOptions.TimeColumn).");
    }

    /// <summary>Each row's time in ticks; a row without a readable time fails with its row number and value.</summary>
    private static long[] Times(PostDataset data, string column)
    {
        var values = data.GetColumnValues(column);
        var times = new long[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!TimeFeatures.TryParse(values[i], out var utc))
            {
                throw new ArgumentException(
                    $"'{data.SourcePath}': row {i + 1} has time '{values[i]}' in column '{column}', which is not an ISO-8601 time or Unix seconds; " +
                    "a time-ordered split needs a time on every row (fix or drop the row, or clear EvaluationOptions.TimeColumn).");
            }

            times[i] = utc.Ticks;
        }

        return times;
    }

    /// <summary>Checks every setting without reading any data, so a bad one fails before a data set is loaded.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or two settings conflict; the message names the property.</exception>
    public void Validate() => Validate(nameof(EvaluationOptions));

    /// <param name="owner">How the caller reaches these options, e.g. <c>TrainingOptions.Evaluation</c>, for the message.</param>
    internal void Validate(string owner)
    {
        if (TimeColumn is not null && GroupColumn is not null)
        {
            throw new ArgumentException(
                $"Split either by group ({owner}.GroupColumn = '{GroupColumn}') or by time ({owner}.TimeColumn = '{TimeColumn}'), not both.");
        }

        if (!(TestFraction is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(TestFraction), TestFraction, FormattableString.Invariant($"{owner}.TestFraction must be between 0 and 1 (exclusive), e.g. 0.2; got {TestFraction}."));
        }

        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, $"{owner}.Folds must be at least 2 for cross-validation; got {Folds}.");
        }
    }
}
