using System.Net;
using System.Text.RegularExpressions;
using FaultLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests;

/// <summary>README's quick start is this file's marked region, compiled and run; the test fails if they drift apart.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public async Task The_quick_start_compiles_runs_and_matches_the_README_word_for_word()
    {
        var upstream = new Upstream();

        // README:quickstart:begin
        var services = new ServiceCollection();                // or builder.Services in an ASP.NET Core app
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example"))
            .AddStandardResilienceHandler();          // your resilience, as in production
        services.AddHttpClient("orders")
            .AddFaultInjection(faults => faults       // always innermost: retries see faults as network failures
                .WithSeed(42)                         // the same seed replays the same fault sequence
                .AddLatency(TimeSpan.FromMilliseconds(200), injectionRate: 0.10)
                .AddStatus(HttpStatusCode.ServiceUnavailable, injectionRate: 0.05, retryAfter: TimeSpan.FromSeconds(1))
                .AddDnsFailure(injectionRate: 0.01));
        // README:quickstart:end

        services.AddHttpClient("orders").ConfigurePrimaryHttpMessageHandler(() => upstream);
        services.AddSingleton<TimeProvider>(Clock.New());
        await using var provider = services.BuildServiceProvider();
        var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)provider.GetRequiredService<TimeProvider>();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        for (int i = 0; i < 20; i++)
        {
            using var response = await clock.Drive(client.GetAsync("/orders"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(Normalize(Region(File.ReadAllText(SourceFile()))), Normalize(ReadmeQuickStart()));
    }

    [Fact]
    public void The_README_testing_example_is_the_one_the_docs_example_test_compiles_and_runs()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var match = Regex.Match(readme, @"<!-- testing-example -->\s*```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README has no <!-- testing-example --> code block");
        string test = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Testing", "DocsExampleTests.cs"));

        Assert.Contains(Normalize(match.Groups[1].Value), Normalize(test));
    }

    [Fact]
    public void The_README_load_example_is_the_docs_example_the_load_fault_tests_compile_and_run()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "load-faults.md"));
        var inReadme = Regex.Match(readme, @"<!-- load-example -->\s*```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        var inDocs = Regex.Match(docs, @"## Example.*?```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(inReadme.Success && inDocs.Success, "the load example is missing from README or docs/load-faults.md");

        Assert.Equal(Normalize(inDocs.Groups[1].Value), Normalize(inReadme.Groups[1].Value));
    }

    private static string Region(string source)
    {
        var match = Regex.Match(source, @"// README:quickstart:begin\r?\n(.*?)\r?\n\s*// README:quickstart:end", RegexOptions.Singleline);
        Assert.True(match.Success, "the quick start region markers are missing");
        return match.Groups[1].Value;
    }

    private static string ReadmeQuickStart()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var match = Regex.Match(readme, @"<!-- quickstart -->\s*```csharp\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README has no <!-- quickstart --> code block");
        var lines = match.Groups[1].Value.Split('\n');

        // README shows the usings first; the test file has them at its top.
        return string.Join('\n', lines.SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(l)));
    }

    // Compares code, not commentary: trailing comments (whitespace then //) and blank lines are dropped.
    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => Regex.Replace(l, @"\s+//.*$", string.Empty).Trim()).Where(l => l.Length > 0));

    private static string SourceFile() => Path.Combine(RepoRoot(), "tests", "Resilience", "ReadmeQuickStartTests.cs");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
