using System.Text.RegularExpressions;
using FaultLab.Load.NBomber;

namespace LoadNBomber.Tests;

/// <summary>Every C# block of docs/from-nbomber.md is a file of DocSnippets/, compiled here and run with its documented result.</summary>
public sealed class DocsTests
{
    [Fact]
    public void Every_csharp_block_of_the_guide_is_a_snippet_file_word_for_word()
    {
        var guide = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "from-nbomber.md"));
        var blocks = Regex.Matches(guide, @"```csharp\r?\n(.*?)```", RegexOptions.Singleline).Select(m => Normalize(m.Groups[1].Value)).ToList();
        var snippets = Directory.GetFiles(Path.Combine(RepoRoot(), "tests", "Load.NBomber", "DocSnippets"), "*.cs")
            .Select(f => Normalize(File.ReadAllText(f))).ToList();

        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, block => Assert.Contains(block, snippets));
    }

    [Fact]
    public void The_checkout_example_passes_its_threshold_with_forty_orders()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1);
        using var client = new HttpClient();
        Assert.True(CheckoutLoadTest.Run(client, LocalSite.Url));
    }

    [Fact]
    public void The_chaos_example_sees_the_injected_503s_in_NBombers_statistics()
    {
        using var realTime = NBomberOverrides.UseTimeScale(1);
        var (requests, injected) = ChaosLoadTest.Run(LocalSite.Url);
        Assert.Equal(100, requests);
        Assert.InRange(injected, 3, 25); // 10 % of 100, seeded
    }

    [Fact]
    public void QuickRun_returns_the_statistics_an_unchanged_program_discards()
    {
        var stats = QuickRun.Of(Programs.Simulations.InvoiceBatch.Run);
        Assert.Equal(60, stats!.ScenarioStats[0].AllOkCount); // IterationsForConstant(20, 600) x 0.1
    }

    private static string Normalize(string text) => Regex.Replace(text.Replace("\r\n", "\n"), @"\s+", " ").Trim();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FaultLab.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above the test output.");
    }
}
