namespace FaultLab.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/*.md compiles as pasted, with only what its page declares (docs/code-blocks.md).
/// A failure names the page, the block and each compiler error at its Markdown line.
/// </summary>
public sealed class DocsCodeBlockTests
{
    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in Pages.Blocks())
        {
            data.Add(block.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_compiles_as_pasted(string id)
    {
        var block = Pages.Blocks().Single(b => b.Id == id);

        var errors = BlockCompiler.Errors(block);

        Assert.True(errors.Count == 0,
            $"{block.Id} does not compile with only what its page declares (wrapper '{block.Wrapper}'"
            + $"{(block.Usings.Count > 0 ? "; using: " + string.Join(", ", block.Usings) : string.Empty)}"
            + $"{(block.Givens.Count > 0 ? "; given: " + string.Join(", ", block.Givens) : string.Empty)}; see docs/code-blocks.md):\n"
            + string.Join('\n', errors));
    }

    [Fact]
    public void Every_page_with_CSharp_is_found()
    {
        var pages = Pages.Blocks().Select(b => b.Page).Distinct().ToList();

        Assert.Contains("README.md", pages);
        Assert.Contains("docs/testing.md", pages);
        Assert.Contains("docs/replay.md", pages);
        Assert.True(Pages.Blocks().Count() >= 12, string.Join(", ", Pages.Blocks().Select(b => b.Id)));
    }

    [Fact]
    public void A_broken_block_is_reported_with_its_page_line_and_compiler_error()
    {
        string markdown = "# Page\n\ntext\n\n```csharp\nusing FaultLab;\n\nvar x = new FaultInjectionBuilderr();\n```\n";
        var block = Assert.Single(CodeBlock.Parse("docs/example.md", markdown));

        var error = Assert.Single(BlockCompiler.Errors(block));

        Assert.Equal("docs/example.md block 1 (line 6)", block.Id);
        Assert.StartsWith("docs/example.md(8,13): error CS0246: The type or namespace name 'FaultInjectionBuilderr' could not be found", error);
    }

    [Fact]
    public void A_page_declares_its_wrapper_usings_and_givens_in_a_comment_above_the_block()
    {
        string markdown = "<!-- compile: test-class; using: System.Net; given: HttpClient client -->\n<!-- some-marker -->\n```cs\n"
            + "[Fact]\npublic async Task Works() => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(\"/\")).StatusCode);\n```\n";
        var block = Assert.Single(CodeBlock.Parse("p.md", markdown));

        Assert.Equal(CodeBlock.TestClass, block.Wrapper);
        Assert.Equal(["System.Net"], block.Usings);
        Assert.Equal(["HttpClient client"], block.Givens);
        Assert.Empty(BlockCompiler.Errors(block));
        Assert.NotEmpty(BlockCompiler.Errors(block with { Givens = [] })); // without the given, 'client' is undeclared
    }
}
