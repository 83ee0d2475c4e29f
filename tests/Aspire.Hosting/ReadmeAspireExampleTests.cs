namespace FaultLab.Aspire.Hosting.Tests;

/// <summary>README's Aspire block is the sample app host that <see cref="SampleAppHostTests"/> runs, word for word.</summary>
public sealed class ReadmeAspireExampleTests
{
    [Fact]
    public void The_README_block_is_the_sample_app_host()
    {
        string root = Root();
        string sample = File.ReadAllText(Path.Combine(root, "samples", "AppHost", "Program.cs")).ReplaceLineEndings("\n");
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        string program = Between(sample, "// <aspire-example>\n", "// </aspire-example>");
        string block = Between(readme, "<!-- aspire-example -->\n```csharp\n", "```");

        Assert.Contains("WithFaultProxy(", program);
        Assert.Equal(program, block);
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start.Trim()}' not found");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaultLab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FaultLab.sln not found above the test's folder.");
    }
}
