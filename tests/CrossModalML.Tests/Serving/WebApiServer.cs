using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Serving;

/// <summary>The WebApiScoring sample running as a child process on a free loopback port, with its output kept.</summary>
internal sealed class WebApiServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WebApiServer(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>What the server wrote to its console (its log).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Builds the sample (the library is already built for the tests) and starts it with the given arguments.</summary>
    public static WebApiServer Start(params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var project = Path.Combine(RepositoryPaths.Root, "samples", "WebApiScoring", "WebApiScoring.csproj");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "-p:BuildProjectReferences=false", "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            var errors = build.StandardError.ReadToEndAsync();
            var output = build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            Assert.AreEqual(0, build.ExitCode, output + errors.Result);
        }

        int port = FreePort();
        var dll = Path.Combine(RepositoryPaths.Root, "samples", "WebApiScoring", "bin", configuration, "net10.0", "WebApiScoring.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll }.Concat(arguments).Concat(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new WebApiServer(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.WaitUntilHealthy();
        return server;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private void WaitUntilHealthy()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.IsFalse(_process.HasExited, $"The server exited before answering:\n{Log}");
            try
            {
                if (Client.GetAsync("/health").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.IsLessThan(TimeSpan.FromSeconds(60), clock.Elapsed, "The server did not answer /health within 60 s.");
            Thread.Sleep(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
