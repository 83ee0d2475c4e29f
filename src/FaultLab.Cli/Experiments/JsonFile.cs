using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Cli.Experiments;

/// <summary>
/// Reads a JSON file into configuration. Every way a file can be unusable becomes one <see cref="InputException"/>
/// naming the file and either one 1-based line/column position (syntax) or a JSON path (shape).
/// </summary>
internal static partial class JsonFile
{
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailureRegex();

    private static readonly Regex ConversionFailure = ConversionFailureRegex();

    /// <summary>Reads the file; the configuration is for binding, the JSON root for checking each setting's JSON kind.</summary>
    public static (IConfigurationRoot Configuration, JsonElement Root) Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a folder, not a JSON file.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        byte[] bytes = ReadAllBytes(path);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // JsonException counts lines and bytes from zero; its message repeats them 0-based: keep one 1-based position.
            throw new InputException($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): invalid JSON: {WithoutPosition(ex.Message)}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{path}: $: the top level must be a JSON object {{ ... }} (was {Describe(root.ValueKind)}).");
        }

        // Configuration keys are case-insensitive: "seed" and "Seed" in one object are the same setting given twice.
        if (JsonShape.FirstDuplicateKey(root, "$") is { } duplicate)
        {
            throw new InputException($"{path}: {duplicate}: given twice in the same object (keys are case-insensitive).");
        }

        try
        {
            return (new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build(), root);
        }
        catch (FormatException ex)
        {
            // The configuration reader's own shape checks, for example a key given twice (names the key's path).
            throw new InputException($"{path}: {ex.Message}");
        }
    }

    /// <summary>
    /// Rewrites the configuration path that opens a validation message as a JSON path. The configuration binder's
    /// conversion failure ("Failed to convert configuration value 'x' at 'A:B' to type 'System.Double'.") is turned
    /// into the same "path: problem" shape.
    /// </summary>
    public static string WithJsonPath(string message)
    {
        var conversion = ConversionFailure.Match(message);
        if (conversion.Success)
        {
            string type = conversion.Groups["type"].Value.Replace("System.", string.Empty, StringComparison.Ordinal);
            string hint = type == "TimeSpan" ? " (a TimeSpan is written hh:mm:ss or hh:mm:ss.fff, for example \"00:00:05\")" : string.Empty;
            return $"{FaultProfileFile.WithJsonPath(conversion.Groups["path"].Value + ": ")}'{conversion.Groups["value"].Value}' is not a valid {type}{hint}.";
        }

        return FaultProfileFile.WithJsonPath(message);
    }

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {ex.Message}");
        }
    }

    /// <summary>Names a JSON kind the way an error message says it.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    // System.Text.Json ends its messages with " Path: $ | LineNumber: 0 | BytePositionInLine: 5." or, without a path,
    // " LineNumber: 0 | BytePositionInLine: 5.": both are the position already shown, 0-based.
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return at < 0 ? message : message[..at];
    }
}
