using System.Text.RegularExpressions;

namespace FaultLab.Docs.Tests;

/// <summary>
/// One C# code block of a Markdown page, with what the page declares it assumes (docs/code-blocks.md): an HTML
/// comment <c>&lt;!-- compile: WRAPPER; using: A, B; given: Type name, Type name --&gt;</c> among the comments right
/// above the block. Without one, the block is a whole program as pasted into a new console project.
/// </summary>
public sealed partial record CodeBlock(string Page, int Index, int FirstLine, string Code, string Wrapper, IReadOnlyList<string> Usings, IReadOnlyList<string> Givens)
{
    public const string Program = "program";
    public const string TestClass = "test-class";

    /// <summary>Gets the wrappers a page may name.</summary>
    public static IReadOnlySet<string> Wrappers { get; } = new HashSet<string>(StringComparer.Ordinal) { Program, TestClass };

    /// <summary>Gets how failures name the block: page, block number on the page, and its first line.</summary>
    public string Id => $"{Page} block {Index} (line {FirstLine})";

    public static IEnumerable<CodeBlock> Parse(string page, string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        int index = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            string info = fence.Groups["info"].Value.Trim();
            string ticks = fence.Groups["ticks"].Value;
            int end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith(ticks, StringComparison.Ordinal))
            {
                end++;
            }

            if (IsCSharp(info))
            {
                index++;
                var (wrapper, usings, givens) = Directive(lines, i);
                yield return new CodeBlock(page, index, i + 2, string.Join('\n', lines[(i + 1)..Math.Min(end, lines.Length)]), wrapper, usings, givens);
            }

            i = end;
        }
    }

    private static bool IsCSharp(string info) =>
        info.Split(' ', 2)[0].ToLowerInvariant() is "csharp" or "cs" or "c#";

    // The comments directly above the fence (blank lines between are allowed); the one starting "compile" counts.
    private static (string Wrapper, IReadOnlyList<string> Usings, IReadOnlyList<string> Givens) Directive(string[] lines, int fence)
    {
        string above = string.Empty;
        for (int i = fence - 1; i >= 0; i--)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.EndsWith("-->", StringComparison.Ordinal))
            {
                break;
            }

            int start = i;
            while (start > 0 && !lines[start].Contains("<!--", StringComparison.Ordinal))
            {
                start--;
            }

            string comment = string.Join(' ', lines[start..(i + 1)].Select(l => l.Trim()));
            above = comment + " " + above;
            i = start;
        }

        var directive = CompileComment().Match(above);
        if (!directive.Success)
        {
            return (Program, [], []);
        }

        string wrapper = Program;
        var usings = new List<string>();
        var givens = new List<string>();
        foreach (string part in directive.Groups["body"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("using:", StringComparison.Ordinal))
            {
                usings.AddRange(part["using:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (part.StartsWith("given:", StringComparison.Ordinal))
            {
                givens.AddRange(part["given:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                wrapper = part;
            }
        }

        return (wrapper, usings, givens);
    }

    [GeneratedRegex(@"^\s{0,3}(?<ticks>`{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--\s*compile:?(?<body>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex CompileComment();
}
