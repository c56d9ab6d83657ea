using CrossModalML.Featurization;
using System.Text.Json.Serialization;

namespace CrossModalML.Packaging;

/// <summary>The fitted linear stacker of a late-fusion model: what it reads and its coefficients.</summary>
/// <remarks>
/// The stacker reads each modality model's raw score: one margin per modality for binary tasks, one probability per
/// class and modality for multiclass. Inputs are in modality order and, within a modality, in class order; the model
/// writes each modality's scores to the column named in <see cref="ScoreColumns"/>. The logit of class c is
/// <c>Biases[c] + Σ_j Weights[c][j] · input_j</c> (binary: one row, the positive class).
/// </remarks>
public sealed record StackerCoefficients
{
    /// <summary>The modalities, in stacker input order.</summary>
    public required IReadOnlyList<Modality> Modalities { get; init; }

    /// <summary>Per modality, the model column holding its scores (scalar for binary, one per class for multiclass).</summary>
    public required IReadOnlyList<string> ScoreColumns { get; init; }

    /// <summary>Readable names of the inputs, e.g. "Text" (binary) or "Image:negative" (multiclass).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The modality of each input.</summary>
    public required IReadOnlyList<Modality> InputModalities { get; init; }

    /// <summary>Coefficients, [class][input]; binary models have one row, for the positive class.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Weights { get; init; }

    /// <summary>Intercepts, one per row of <see cref="Weights"/>.</summary>
    public required IReadOnlyList<double> Biases { get; init; }

    /// <summary>Mean of each input over the out-of-fold training scores (the "average post" contributions are relative to).</summary>
    public required IReadOnlyList<double> InputMeans { get; init; }

    /// <summary>Standard deviation of each input over the same scores (scales coefficients into comparable weights).</summary>
    public required IReadOnlyList<double> InputDeviations { get; init; }

    /// <summary>Whether the stacker is binary (one logit for the positive class).</summary>
    [JsonIgnore]
    public bool IsBinary => Weights.Count == 1;

    /// <summary>Each modality's share of the standardised coefficients; see <see cref="ModalityWeight.Weight"/>.</summary>
    public IReadOnlyList<double> ModalityShares()
    {
        var totals = new double[Modalities.Count];
        for (int j = 0; j < Inputs.Count; j++)
        {
            int m = IndexOf(InputModalities[j]);
            foreach (var row in Weights)
            {
                totals[m] += Math.Abs(row[j]) * InputDeviations[j];
            }
        }

        double sum = totals.Sum();
        return totals.Select(t => sum > 0 ? t / sum : 1.0 / totals.Length).ToArray();
    }

    /// <summary>Each modality's contribution to one post's logit of <paramref name="classIndex"/>, relative to the average
    /// training post. For multiclass stackers the logit is taken relative to the mean logit over classes (softmax does not
    /// change when every logit moves together).</summary>
    /// <param name="inputs">The post's stacker inputs, in <see cref="Inputs"/> order.</param>
    /// <param name="classIndex">The class: for binary stackers only 1 (the positive class) is meaningful.</param>
    /// <exception cref="ArgumentException">The input count does not match.</exception>
    public IReadOnlyList<ModalityContribution> Contributions(IReadOnlyList<float> inputs, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Inputs.Count)
        {
            throw new ArgumentException($"The stacker reads {Inputs.Count} inputs ({string.Join(", ", Inputs)}), but {inputs.Count} were given.", nameof(inputs));
        }

        var totals = new double[Modalities.Count];
        for (int j = 0; j < Inputs.Count; j++)
        {
            double coefficient = IsBinary ? Weights[0][j] : Weights[classIndex][j] - Weights.Average(row => row[j]);
            totals[IndexOf(InputModalities[j])] += coefficient * (inputs[j] - InputMeans[j]);
        }

        return Modalities.Select((m, i) => new ModalityContribution(m, totals[i])).ToList();
    }

    /// <summary>The class the stacker predicts from the inputs: the largest logit (binary: 1 when the logit is positive).</summary>
    /// <param name="inputs">The post's stacker inputs.</param>
    public int PredictedClass(IReadOnlyList<float> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logits = Weights.Select((row, c) => Biases[c] + row.Select((w, j) => w * inputs[j]).Sum()).ToList();
        return IsBinary ? (logits[0] > 0 ? 1 : 0) : logits.IndexOf(logits.Max());
    }

    private int IndexOf(Modality modality)
    {
        for (int i = 0; i < Modalities.Count; i++)
        {
            if (Modalities[i] == modality)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Stacker input of modality {modality} has no modality entry.");
    }
}
