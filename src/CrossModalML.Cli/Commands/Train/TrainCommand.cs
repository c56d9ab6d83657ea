using System.CommandLine;

namespace CrossModalML.Cli.Commands.Train;

/// <summary><c>crossmodal train</c>: load posts, fit and evaluate a fused model, save it as a model zip.</summary>
/// <remarks>The flags are bound to a <see cref="TrainRequest"/> and checked before any data is read; then the posts are
/// loaded and one handler runs: a multi-task run for several labels, a search when the preset or
/// <c>--time</c>/<c>--max-trials</c> ask for one, else a single fit. Each handler returns the report written to <c>--report</c>.</remarks>
internal static class TrainCommand
{
    /// <summary>The <c>train</c> command.</summary>
    public static Command Create() => Create(new TrainFlags());

    /// <summary>The command over <paramref name="flags"/>, so a test can bind a parse of it with the same flags.</summary>
    internal static Command Create(TrainFlags flags)
    {
        var binder = new TrainRequestBinder(flags);
        return CheckedCommand.Create("train", "Train a model on posts and save it as a model zip.", flags.All, flags.Verbose, (parsed, cancellationToken) =>
        {
            var request = binder.Bind(parsed);

            // With --cluster, pretrained-encoder shards and search trials run on the workers; the final refit runs here.
            using var cluster = ClusterSession.Open(request.Cluster, inFlight: 8, cancellationToken);
            request.Featurizer.Executor = cluster.Executor;
            var inputs = TrainInputsLoader.Load(request);
            object report = request.IsMultiTask ? MultiTaskHandler.Run(inputs, cancellationToken)
                : inputs.Searching ? SearchHandler.Run(inputs, cancellationToken)
                : SingleFitHandler.Run(inputs, cancellationToken);
            JsonReport.Write(request.Report, report);
            return CommandRunner.Success;
        });
    }
}
