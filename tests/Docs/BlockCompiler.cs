using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaultLab.Docs.Tests;

/// <summary>
/// Compiles a <see cref="CodeBlock"/> with Roslyn as a user's project would: C# latest, nullable on, the SDK's
/// implicit usings, FaultLab's assemblies and the packages next to them (the resilience handlers, xunit, ASP.NET
/// Core's test host) referenced. Diagnostics are mapped back to the Markdown file's own lines.
/// </summary>
public static class BlockCompiler
{
    // Microsoft.NET.Sdk's implicit usings for a console project; a test project adds Xunit (as its template does).
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static IReadOnlyList<string> Errors(CodeBlock block)
    {
        if (!CodeBlock.Wrappers.Contains(block.Wrapper))
        {
            return [$"{block.Page}({block.FirstLine - 1}): unknown wrapper '{block.Wrapper}' in the compile comment; known: {string.Join(", ", CodeBlock.Wrappers)} (docs/code-blocks.md)"];
        }

        var tree = CSharpSyntaxTree.ParseText(Source(block), new CSharpParseOptions(LanguageVersion.Latest), path: "block.cs", Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "DocsBlock",
            [tree],
            References.Value,
            new CSharpCompilationOptions(block.Wrapper == CodeBlock.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan();
                return $"{block.Page}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .ToList();
    }

    /// <summary>The source compiled: usings first (the page's, the block's own), then the block at its Markdown lines.</summary>
    public static string Source(CodeBlock block)
    {
        var lines = block.Code.Split('\n');
        int usingCount = lines.TakeWhile(l => IsUsingDirective(l) || string.IsNullOrWhiteSpace(l)).Count();
        var source = new StringBuilder();
        foreach (string ns in ImplicitUsings.Concat(block.Wrapper == CodeBlock.TestClass ? ["Xunit"] : []))
        {
            source.Append("global using global::").Append(ns).Append(";\n");
        }

        foreach (string ns in block.Usings)
        {
            source.Append("using ").Append(ns).Append(";\n");
        }

        source.Append($"#line {block.FirstLine} \"{block.Page}\"\n");
        foreach (string line in lines[..usingCount])
        {
            source.Append(line).Append('\n');
        }

        source.Append("#line hidden\n");
        bool inClass = block.Wrapper == CodeBlock.TestClass;
        if (inClass)
        {
            source.Append("public sealed class DocsBlock\n{\n");
        }

        foreach (string given in block.Givens)
        {
            // Declared, never run: the page says such a value exists where the block is pasted.
            source.Append(inClass ? "    private readonly " : string.Empty).Append(given).Append(" = default!;\n");
        }

        source.Append($"#line {block.FirstLine + usingCount} \"{block.Page}\"\n");
        foreach (string line in lines[usingCount..])
        {
            source.Append(line).Append('\n');
        }

        if (inClass)
        {
            source.Append("#line hidden\n}\n");
        }

        return source.ToString();
    }

    private static bool IsUsingDirective(string line)
    {
        string trimmed = line.Trim();
        return trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';')
            && !trimmed.StartsWith("using var ", StringComparison.Ordinal) && !trimmed.Contains('(', StringComparison.Ordinal)
            && !trimmed.Contains('=', StringComparison.Ordinal);
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The framework (with ASP.NET Core: this test project references it) plus every assembly built next to the
        // tests: FaultLab's projects and their packages. One per simple name, the framework's first.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"));
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (!byName.ContainsKey(name) && IsManaged(path) && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                && !name.StartsWith("FaultLab.Docs.Tests", StringComparison.Ordinal))
            {
                byName[name] = path;
            }
        }

        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
