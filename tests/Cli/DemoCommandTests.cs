using System.Text.Json;

namespace FaultLab.Cli.Tests;

[FaultLab.Tests.Shared.MachineWideTiming]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task The_demo_runs_three_set_ups_prints_the_comparison_and_writes_reports_that_parse()
    {
        string reports = CliRun.TempFolder();

        var (exit, output, error) = await CliRun.RunAsync("demo", "--duration", "4", "--rate", "15", "--seed", "1", "--report", reports);

        Assert.True(exit == 0, error);
        Assert.Contains("| set-up | calls | success % | p50 ms | p95 ms | p99 ms | dependency saw | retries | breaker opens | fallbacks | injected faults |", output);
        Assert.Contains("| bare (no resilience) | 60 |", output);
        Assert.Contains("| standard (standard handler) | 60 |", output);
        Assert.Contains("| resilient (standard + fallback + token refresh) | 60 |", output);
        string html = Path.Combine(reports, "faultlab-demo.html");
        Assert.Contains($"HTML report: {html}", output);
        Assert.Contains("<svg", File.ReadAllText(html));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "faultlab-demo.json")));
        Assert.Equal(3, json.RootElement.GetProperty("scenarios").GetArrayLength());
    }

    [Fact]
    public async Task The_numbers_come_from_the_run_a_different_seed_injects_different_faults()
    {
        var first = await CliRun.RunAsync("demo", "--duration", "3", "--rate", "20", "--seed", "1", "--report", CliRun.TempFolder());
        var second = await CliRun.RunAsync("demo", "--duration", "3", "--rate", "20", "--seed", "2", "--report", CliRun.TempFolder());

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.NotEqual(Row(first.Out, "| bare"), Row(second.Out, "| bare"));
    }

    // The test above would pass with the seed ignored (unseeded faults differ between runs too): pin that --seed
    // reaches the profile, and that the same seed makes the same fault decisions.
    [Fact]
    public async Task The_seed_reaches_the_profile_and_the_same_seed_makes_the_same_decisions()
    {
        FaultInjectionOptions? captured = null;
        async Task<string> Decisions(int seed)
        {
            using var handler = FaultInjection.CreateHandler(f =>
            {
                Demo.DemoProfile.Configure(f, TimeSpan.FromSeconds(30), seed, rate: 1000);
                captured = f.Options;
            }, new OkHandler());
            using var client = new HttpClient(handler) { BaseAddress = new Uri("http://demo.test") };
            var outcomes = new List<string>();
            for (int i = 0; i < 60; i++)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{i}");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");
                using var response = await client.SendAsync(request);
                outcomes.Add(string.Join("+", InjectedFault.For(request).Select(f => f.Name)) + (int)response.StatusCode);
            }

            return string.Join(",", outcomes);
        }

        string first = await Decisions(5);
        Assert.Equal(5, captured!.Seed);
        Assert.Equal(first, await Decisions(5));
        Assert.NotEqual(first, await Decisions(6));
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
    }

    [Theory]
    [InlineData("--duration", "0")]
    [InlineData("--rate", "-1")]
    public async Task Bad_numbers_are_rejected_with_exit_code_2(string option, string value)
    {
        var (exit, _, error) = await CliRun.RunAsync("demo", option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {option}:", error);
    }

    // The injected-faults column of a row: it depends on the seed's fault decisions, not on timing alone.
    private static string Row(string output, string prefix) =>
        output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split('|')[^2];
}
