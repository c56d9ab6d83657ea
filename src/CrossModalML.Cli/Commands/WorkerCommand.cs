using System.CommandLine;
using CrossModalML.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal worker</c>: runs an Orleans silo that scores chunks and encodes shards for clients until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var defaults = new WorkerOptions();
        var flags = new ClusterFlags();
        var port = new Option<int>("--port") { Description = "Port the workers talk to each other on.", DefaultValueFactory = _ => defaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (predict --cluster) connect to.", DefaultValueFactory = _ => defaults.GatewayPort };
        var primary = new Option<string?>("--primary") { Description = "With --clustering localhost: HOST:PORT of the first worker's --port, for every worker but the first." };
        var advertise = new Option<string?>("--advertise") { Description = "With --clustering adonet or redis: the address other machines reach this worker at (default: the host name's first IPv4 address that is not a loopback one)." };
        var kubernetes = new Option<bool>("--kubernetes") { Description = "Run in a Kubernetes pod: address and cluster ids from the pod's environment (see docs/k8s/workers.yaml); needs --clustering adonet or redis." };
        var threads = new Option<int>("--threads")
        {
            Description = "ONNX Runtime threads of this worker's encoders; 0 (default) shares the machine's cores among the workers on it.",
            DefaultValueFactory = _ => defaults.OnnxThreads,
        };
        var verbose = CommonOptions.Verbose();
        var command = new Command("worker", "Run a cluster worker (an Orleans silo) that scores and encodes for `predict --cluster` until Ctrl+C or SIGTERM. Every worker must see the model, data and image paths clients name, or see them under its --data-root.")
        {
            port, gatewayPort, primary, advertise, kubernetes, threads, verbose,
        };
        foreach (var option in flags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            var options = flags.Bind(r, new WorkerOptions { SiloPort = r.GetValue(port), GatewayPort = r.GetValue(gatewayPort), KubernetesHosting = r.GetValue(kubernetes), OnnxThreads = r.GetValue(threads) });
            if (r.GetValue(primary) is { } primaryValue)
            {
                options.PrimarySilo = ClusterFlags.Endpoint("--primary", primaryValue);
            }

            if (r.GetValue(advertise) is { } address)
            {
                options.AdvertisedAddress = System.Net.IPAddress.TryParse(address, out var parsed)
                    ? parsed
                    : throw new ArgumentException($"--advertise takes an IP address (e.g. 10.0.0.5); got '{address}'.");
            }

            options.Validate();
            using var host = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.SetMinimumLevel(r.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning))
                .UseOrleans(silo => silo.UseCrossModalWorker(options))
                .Build();
            host.StartAsync(cancellationToken).GetAwaiter().GetResult();
            AnsiConsole.MarkupLineInterpolated(
                $"Worker up: silo port {options.SiloPort}, gateway port {options.GatewayPort}, {options.Clustering} clustering, cluster '{options.ClusterId}'. Ctrl+C or SIGTERM stops it.");
            // Ctrl+C, or SIGTERM as a process manager or Kubernetes sends it, stops the silo gracefully: its work moves to the others.
            host.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
            Console.Error.WriteLine("Worker stopped.");
            return CommandRunner.Success;
        }));
        return command;
    }
}
