using CrossModalML.AutoML;
using System.CommandLine;
using CrossModalML.Evaluation;
using CrossModalML.Retraining;

namespace CrossModalML.Cli.Commands.Retrain;

/// <summary>Turns the parsed flags of <c>crossmodal retrain</c> into a <see cref="RetrainRequest"/>, checking every value
/// before any file is read; the first failure throws an <see cref="ArgumentException"/> whose message names the flag.</summary>
internal sealed class RetrainRequestBinder(RetrainFlags flags)
{
    /// <summary>The request the flags in <paramref name="parsed"/> describe.</summary>
    public RetrainRequest Bind(ParseResult parsed)
    {
        OptionChecks.Fraction(parsed.GetValue(flags.TestFraction), "--test-fraction");
        OptionChecks.Positive(parsed.GetValue(flags.Time), "--time");
        OptionChecks.Positive(parsed.GetValue(flags.TrialTime), "--trial-time");
        OptionChecks.AtLeast(parsed.GetValue(flags.MaxTrials), 1, "--max-trials");
        var options = new RetrainingOptions
        {
            ImageModelPath = parsed.GetValue(flags.ImageModel)?.FullName,
            WordVectorModelPath = parsed.GetValue(flags.WordVectors)?.FullName,
            WordVectorVocabularyPath = parsed.GetValue(flags.WordVectorsVocab)?.FullName,
            EncoderCache = CommonOptions.Cache(parsed.GetValue(flags.NoCache)),
            TestFraction = parsed.GetValue(flags.TestFraction),
            Seed = parsed.GetValue(flags.Seed),
            OldDataPath = parsed.GetValue(flags.AppendOld)?.FullName,
            KeepBetter = parsed.GetValue(flags.KeepBetter),
        };
        if (parsed.GetValue(flags.Search))
        {
            options.Search = new RetrainingSearchOptions
            {
                Budget = new SearchBudget
                {
                    Time = parsed.GetValue(flags.Time) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    MaxTrials = parsed.GetValue(flags.MaxTrials),
                    TrialTimeLimit = TimeSpan.FromSeconds(parsed.GetValue(flags.TrialTime)),
                    Metric = parsed.GetValue(flags.Metric) is { } metricName ? AutoMLMetrics.Parse(metricName) : null,
                    Tuner = parsed.GetValue(flags.Tuner),
                },
            };
        }
        else if (parsed.GetValue(flags.Time) is not null || parsed.GetValue(flags.MaxTrials) is not null || parsed.GetValue(flags.Metric) is not null)
        {
            throw new ArgumentException("--time, --max-trials and --metric set up a search; add --search to re-run it, or drop them to refit the model's own trainer.");
        }

        return new RetrainRequest(parsed.GetValue(flags.Model)!, parsed.GetValue(flags.Dataset)!, parsed.GetValue(flags.Output)!, options, parsed.GetValue(flags.Report));
    }
}
