using FaultLab.Replay.Tests.Support;

namespace FaultLab.Replay.Tests.Har;

/// <summary>The HAR snippet of docs/replay.md, run as written (relative paths, in a scratch current directory).</summary>
[Collection(nameof(CurrentDirectory))]
public sealed class HarDocsTests
{
    [Fact]
    public async Task The_docs_snippet_exports_and_imports_as_documented()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("cassettes"));
        File.Copy(HarFixture.Path("chrome.har"), directory.File("checkout.har"));
        await HarArchive.ImportAsync(HarFixture.Path("firefox.har"), directory.File("cassettes/orders.json"));
        string previous = Environment.CurrentDirectory;
        var console = new StringWriter();
        var previousOut = Console.Out;
        Environment.CurrentDirectory = directory.Path;
        Console.SetOut(console);
        try
        {
            await HarArchive.ExportAsync("cassettes/orders.json", "orders.har");       // Chrome/Firefox DevTools: Network → Import HAR
            HarImportResult imported = await HarArchive.ImportAsync("checkout.har", "cassettes/checkout.json");
            Console.WriteLine($"{imported.Imported} interactions from {imported.Creator}; skipped: {string.Join("; ", imported.Skipped)}");
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previous;
        }

        Assert.Equal(429, (int)HarFixture.Entry(directory.File("orders.har"), 2)["response"]!["status"]!);
        Assert.StartsWith("4 interactions from WebInspector 537.36; skipped: entry 4 (GET https://cdn.example.test/widgets.js): no response (net::ERR_NAME_NOT_RESOLVED)",
            console.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File("cassettes/checkout.json")));
    }
}

[CollectionDefinition(nameof(CurrentDirectory), DisableParallelization = true)]
public sealed class CurrentDirectory;
