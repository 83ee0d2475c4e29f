using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FaultLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaultLab.Tests.Verdicts;

/// <summary>docs/verdicts.md's worked example, compiled and run here; its documented output is checked against a real run.</summary>
public sealed class VerdictsDocTests
{
    private static string? s_lastTable;

    [Fact]
    public async Task The_orders_client_keeps_its_promises_and_the_verdicts_say_where_it_is_a_bad_client()
    {
        var matrix = ResilienceMatrix.ForHttpClient("orders",
                services => services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.test"))
                    .AddStandardResilienceHandler(),                                  // your registration, as in production
                (http, ct) => http.GetAsync("/orders/1", ct))                          // the call to judge
            .WithUnsafeCall((http, ct) => http.PostAsJsonAsync("/orders", new { sku = "A-100" }, ct))
            .Expect("503 burst with Retry-After", MatrixOutcome.Survived)
            .Expect("DNS failure", MatrixOutcome.Survived)
            .Expect("1-minute outage (refused)", MatrixOutcome.Failed);               // no fallback: it cannot survive this

        MatrixResult result = await matrix.RunAsync();

        Console.WriteLine(result.ToTable());                                           // the table below
        await File.WriteAllTextAsync("orders-matrix.html", result.ToHtml());          // the heatmap
        result.EnsureExpectationsMet();
        Assert.Equal(VerdictOutcome.Fail, result[ConformanceRule.NoUnsafeRetry].Outcome);

        s_lastTable = result.ToTable();
        if (Environment.GetEnvironmentVariable("FAULTLAB_VERDICTS_OUTPUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, s_lastTable);                          // to refresh docs/verdicts.md from a real run
        }

        AssertDocumentedOutputMatches(s_lastTable);
    }

    [Theory]
    [MemberData(nameof(MatrixCatalogue.Names), MemberType = typeof(MatrixCatalogue))]
    public async Task Each_fault_is_a_test_case(string fault)
    {
        var matrix = ResilienceMatrix.ForHttpClient("orders",
            services => services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.test")).AddStandardResilienceHandler(),
            (http, ct) => http.GetAsync("/orders/1", ct));

        MatrixRow row = await matrix.RunVariantAsync(fault);

        Assert.True(row.Ended);                                                        // the standard handler bounds every fault
        Assert.Equal(fault, row.Variant.Name);
    }

    /// <summary>The rows and verdicts that do not depend on jitter must read in docs/verdicts.md exactly as this run printed them.</summary>
    private static void AssertDocumentedOutputMatches(string actual)
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "verdicts.md"));
        var block = Regex.Match(docs, @"<!-- verdicts-output -->\s*```text\r?\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/verdicts.md has no <!-- verdicts-output --> block");
        string[] deterministic =
        [
            "fault ", "503 burst with Retry-After ", "429 from a rate limit ", "long-tail latency ", "reset mid-body ", "truncated body ",
            "malformed JSON ", "slow body ", "expired token ", "1. ", "2. ", "4. ", "6. ",
        ];
        // Column widths follow the widest cell, which jitter changes: compare with runs of spaces collapsed.
        var documented = block.Groups[1].Value.Split('\n').Where(l => deterministic.Any(d => l.StartsWith(d, StringComparison.Ordinal))).Select(Collapse).ToList();
        Assert.Equal(deterministic.Length, documented.Count);
        var lines = actual.Split('\n').Select(Collapse).ToHashSet();
        Assert.All(documented, line => Assert.Contains(line, lines));
    }

    private static string Collapse(string line) => Regex.Replace(line.Trim(), @"\s{2,}", "  ");

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
