using System.CommandLine;
using System.Runtime.InteropServices;
using FaultLab.Cli.Experiments;
using FaultLab.Cli.Output;
using FaultLab.Proxy;
using Microsoft.Extensions.Logging;

namespace FaultLab.Cli.Commands;

/// <summary>
/// <c>faultlab proxy --upstream URL --profile FILE [--port N]</c>: a fault-injecting reverse proxy on 127.0.0.1 for
/// clients in any language. Prints the listening address, then runs until Ctrl+C. Exit 0 when stopped, 2 on bad input.
/// </summary>
internal static class ProxyCommand
{
    public static Command Create(CliConsole console)
    {
        var upstream = new Option<string>("--upstream") { Description = "The upstream base URL (http or https).", Required = true };
        var profile = new Option<string>("--profile") { Description = "The fault profile (JSON; the README schema).", Required = true };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1; 0 picks a free one." };
        var command = new Command("proxy", "Run a fault-injecting reverse proxy on 127.0.0.1 in front of an upstream, until Ctrl+C.")
        {
            upstream, profile, port,
        };
        command.SetAction((parse, token) =>
            RunAsync(console, parse.GetValue(upstream)!, parse.GetValue(profile)!, parse.GetValue(port), started: null, token));
        return command;
    }

    /// <summary>Loads the profile, starts the proxy and holds it until <paramref name="cancellationToken"/> (Ctrl+C) fires.</summary>
    /// <param name="console">Where the address and errors are written.</param>
    /// <param name="upstream">The upstream base URL.</param>
    /// <param name="profilePath">The fault profile file.</param>
    /// <param name="port">The port on 127.0.0.1; 0 for a free one.</param>
    /// <param name="started">Told the listening address once the proxy accepts connections (tests wait on it).</param>
    /// <param name="cancellationToken">Stops the proxy.</param>
    public static Task<int> RunAsync(CliConsole console, string upstream, string profilePath, int port, Action<Uri>? started,
        CancellationToken cancellationToken) => console.Guard(async () =>
    {
        // System.CommandLine has no Uri parser: a relative or malformed URL is reported here, the proxy checks the scheme.
        if (!Uri.TryCreate(upstream, UriKind.Absolute, out Uri? upstreamUri))
        {
            throw new InputException($"--upstream: '{upstream}' is not an absolute URL (for example http://127.0.0.1:8080/).");
        }

        // The same reader, messages and JSON paths as 'faultlab validate', before the proxy's own load of the file.
        var (_, errors, isExperiment) = ExperimentReader.Read(profilePath);
        if (errors.Count > 0)
        {
            throw new InputException(ExperimentReader.Describe(profilePath, errors, isExperiment));
        }

        if (isExperiment)
        {
            throw new InputException($"{profilePath}: $: an experiment, not a fault profile: give the proxy a file like its FaultProfile member ({{ \"Faults\": [ ... ] }}).");
        }

        // Ctrl+C and SIGTERM would otherwise end the process outright (the invocation's token does not see them):
        // stop gracefully instead, so in-flight connections close and the exit code is 0. Registered before the
        // address is printed, so a signal sent as soon as it appears is already handled.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
        FaultProxy proxy;
        // Each injected fault is logged at Information with its request line and fault name.
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new LineLoggerProvider(console.Out, TimeProvider.System)));
        try
        {
            proxy = await FaultProxy.StartAsync(
                new FaultProxyOptions { Upstream = upstreamUri, Profile = FaultProfileFile.Load(profilePath), Port = port, LoggerFactory = logging },
                cancellationToken).ConfigureAwait(false);
        }
        catch (FaultProfileException ex)
        {
            throw new InputException(string.Join(Environment.NewLine + "  ", ex.Errors.Prepend($"{profilePath}: invalid, {ex.Errors.Count} problem(s):")));
        }

        await using (proxy.ConfigureAwait(false))
        {
            console.Out.WriteLine($"FaultLab proxy listening on {proxy.Address} -> {upstreamUri} (profile {profilePath}). Press Ctrl+C to stop.");
            started?.Invoke(proxy.Address);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM or the caller's token: the normal way to stop.
            }

            console.Out.WriteLine("FaultLab proxy stopped.");
            return ExitCodes.Ok;
        }
    });

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => signal =>
    {
        signal.Cancel = true; // stop gracefully: dispose the proxy, print, exit 0
        stop.Cancel();
    };
}
