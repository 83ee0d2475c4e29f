using System.Text.RegularExpressions;

namespace FaultLab.Load.Tests.Distributed;

/// <summary>
/// Every C# block of docs/load-distributed.md is a region of a test in this folder (compiled and run there), and the
/// Kubernetes manifest uses the variables the code reads.
/// </summary>
public sealed partial class DistributedDocsTests
{
    [Fact]
    public async Task The_agent_and_merge_examples_run_as_the_docs_show()
    {
        var resultsFolder = Directory.CreateTempSubdirectory("faultlab-docs-agents-").FullName;
        var mergedFolder = Path.Combine(resultsFolder, "merged");
        var startAt = DateTimeOffset.UtcNow.AddMilliseconds(500);
        async Task<LoadTestResult> RunAgentAsync(int index)
        {
            var orders = Scenario.Create("orders", _ => Task.FromResult(Response.Ok(200)))
                .WithLoadSimulations(Simulation.Inject(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
                .WithThresholds(Threshold.SuccessRate(0.99));
            // docs/load-distributed.md:agent:begin
            var result = await LoadTest.RunAsync(new LoadTestOptions
            {
                ReportsFolder = resultsFolder,                       // load-report.agent-{index}-of-3.{json,hlog,html,md}
                Agent = new LoadAgent(index, count: 3, startAt),     // or null: FAULTLAB_AGENT_* / JOB_COMPLETION_INDEX
            }, orders);
            // docs/load-distributed.md:agent:end
            return result;
        }

        var agents = await Task.WhenAll(Enumerable.Range(0, 3).Select(RunAgentAsync));
        Assert.Equal([10, 10, 10], agents.Select(a => a["orders"].Stats.Count));

        // docs/load-distributed.md:merge:begin
        var merged = LoadResultMerge.MergeAndWrite(Directory.GetFiles(resultsFolder, "*.agent-*-of-3.json"), mergedFolder);
        var exitCode = merged.ExitCode;                              // 0 passed, 1 a threshold failed on the merged numbers
        // docs/load-distributed.md:merge:end

        Assert.Equal(0, exitCode);
        Assert.Equal(30, merged["orders"].Stats.Count);
        Assert.True(File.Exists(Path.Combine(mergedFolder, "merged-report.html")));
    }

    [Fact]
    public void Every_csharp_block_of_the_docs_is_a_region_of_a_test()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "load-distributed.md"));
        var tests = string.Join('\n', Directory.GetFiles(Path.Combine(RepoRoot(), "tests", "Load", "Distributed"), "*.cs").Select(File.ReadAllText));
        var blocks = DocsBlock().Matches(docs);
        Assert.Equal(["agent", "merge", "otel"], blocks.Select(b => b.Groups["name"].Value).Order());
        foreach (Match block in blocks)
        {
            var name = block.Groups["name"].Value;
            var region = Regex.Match(tests, $@"// docs/load-distributed\.md:{name}:begin\r?\n(.*?)\r?\n\s*// docs/load-distributed\.md:{name}:end", RegexOptions.Singleline);
            Assert.True(region.Success, $"no test region for the '{name}' block");
            Assert.Equal(Normalize(region.Groups[1].Value), Normalize(block.Groups["code"].Value));
        }
    }

    [Fact]
    public void The_Indexed_Job_manifest_sets_the_variables_LoadAgent_reads()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "load-distributed.md"));
        var manifest = Regex.Match(docs, @"```yaml\r?\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("completionMode: Indexed", manifest);
        Assert.Contains($"name: {LoadAgent.CountVariable}", manifest);
        Assert.Contains($"name: {LoadAgent.StartAtVariable}", manifest);
        // Kubernetes sets JOB_COMPLETION_INDEX itself; completions and parallelism must equal the agent count.
        var count = Regex.Match(manifest, $@"name: {LoadAgent.CountVariable}\s+value: ""(\d+)""").Groups[1].Value;
        Assert.Contains($"completions: {count}", manifest);
        Assert.Contains($"parallelism: {count}", manifest);
        var agent = LoadAgent.FromVariables(name => name switch
        {
            LoadAgent.KubernetesIndexVariable => "2",
            LoadAgent.CountVariable => count,
            LoadAgent.StartAtVariable => "2026-12-01T10:00:00Z",
            _ => null,
        });
        Assert.Equal("agent 2 of 3, start 2026-12-01T10:00:00.000Z", agent!.ToString());
    }

    [GeneratedRegex(@"<!-- (?<name>[a-z]+) -->\s*```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocsBlock();

    // Compares code, not commentary: trailing comments and blank lines are dropped.
    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => Regex.Replace(l, @"\s+//.*$", string.Empty).Trim()).Where(l => l.Length > 0));

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaultLab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above " + AppContext.BaseDirectory);
    }
}
