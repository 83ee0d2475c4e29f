using System.Net;
using FaultLab.Cli.Commands;
using FaultLab.Cli.Demo;

namespace FaultLab.Cli.Tests;

public sealed class ProxyCommandTests
{
    [Fact]
    public async Task The_proxy_injects_the_profiles_faults_for_any_client_and_stops_cleanly()
    {
        await using var api = await DemoApi.StartAsync();
        string profile = CliRun.TempFile("""
        { "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 503, "RetryAfter": "00:00:02", "Target": { "Paths": [ "/orders/**" ] } } ] } }
        """);
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), verbose: false, interactive: false);
        using var stop = new CancellationTokenSource();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = ProxyCommand.RunAsync(console, api.BaseAddress.ToString(), profile, port: 0, listening.SetResult, stop.Token);
        Uri proxy = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = proxy };
        using var faulted = await client.GetAsync("/orders/1");
        using var token = await client.PostAsync("/token", null);
        await stop.CancelAsync();
        int exit = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("127.0.0.1", proxy.Host);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode); // not targeted: passed through to the real API
        Assert.Equal(1, api.Requests);                    // only the token call reached the dependency
        Assert.Equal(0, exit);
        Assert.Contains($"FaultLab proxy listening on {proxy}", output.ToString());
        Assert.Contains("FaultLab proxy stopped.", output.ToString());
        // One Information line per injected fault, with the request line and the fault's name; none for the pass-through.
        string injected = Assert.Single(output.ToString().Split('\n'), l => l.Contains("FaultLab injected", StringComparison.Ordinal));
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} info FaultLab injected Status fault '[^']+' into GET http://[^ ]+/orders/1 \(client 'proxy', outcome 503\)", injected);
    }

    [Fact]
    public async Task An_invalid_profile_is_bad_input_naming_the_setting()
    {
        string profile = CliRun.TempFile("""{ "Faults": [ { "Kind": "Status", "StatusCode": 200 } ] }""");

        var (exit, _, error) = await CliRun.RunAsync("proxy", "--upstream", "http://127.0.0.1:9/", "--profile", profile);
        var (validateExit, _, validateError) = await CliRun.RunAsync("validate", profile);

        // The proxy and validate read the file one way: the same problem, worded the same, with its JSON path.
        const string Problem = "$.Faults[0].StatusCode: must be an error status from 400 to 599 (was 200).";
        Assert.Equal((2, 2), (exit, validateExit));
        Assert.Contains(Problem, error);
        Assert.Contains(Problem, validateError);
    }

    [Theory]
    [InlineData("/nonexistent/chaos.json")]
    [InlineData("{ \"Faults\": [ { \"Kind\": \"Warp\" } ], \"Sead\": 1 }")]
    [InlineData("[ ]")]
    [InlineData("{ \"Faults\": [ ,")]
    public async Task A_bad_profile_gets_exactly_what_validate_says(string profileOrContent)
    {
        string profile = profileOrContent.StartsWith('/') ? profileOrContent : CliRun.TempFile(profileOrContent);

        var (proxyExit, _, proxyError) = await CliRun.RunAsync("proxy", "--upstream", "http://127.0.0.1:9/", "--profile", profile);
        var (validateExit, _, validateError) = await CliRun.RunAsync("validate", profile);

        Assert.Equal(2, proxyExit);
        Assert.Equal(2, validateExit);
        Assert.Equal(validateError, proxyError);
        Assert.DoesNotContain("not optional", proxyError);
    }

    [Fact]
    public async Task A_missing_profile_says_file_not_found()
    {
        var (exit, _, error) = await CliRun.RunAsync("proxy", "--upstream", "http://127.0.0.1:9/", "--profile", "nope.json");

        Assert.Equal(2, exit);
        Assert.Equal("error: nope.json: file not found.", error.Trim());
    }

    [Fact]
    public async Task A_relative_upstream_is_bad_input()
    {
        var (exit, _, error) = await CliRun.RunAsync("proxy", "--upstream", "orders", "--profile", "x.json");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --upstream: 'orders' is not an absolute URL", error);
    }
}
