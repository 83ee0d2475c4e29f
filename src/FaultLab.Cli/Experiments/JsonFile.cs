using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Cli.Experiments;

/// <summary>Reads a JSON file into configuration, turning syntax errors into one line with line and column.</summary>
internal static class JsonFile
{
    public static IConfigurationRoot Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            using var _ = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            // JsonException counts lines and bytes from zero.
            throw new InputException($"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): invalid JSON: {FirstSentence(ex.Message)}");
        }

        return new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
    }

    /// <summary>Turns a configuration path (<c>FaultLab:Faults:0:Rate</c>) into a JSON path (<c>$.FaultLab.Faults[0].Rate</c>).</summary>
    public static string ToJsonPath(string configurationPath)
    {
        var json = new StringBuilder("$");
        foreach (string part in configurationPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            json.Append(int.TryParse(part, out _) ? $"[{part}]" : $".{part}");
        }

        return json.ToString();
    }

    /// <summary>Rewrites the configuration path that opens a validation message as a JSON path.</summary>
    public static string WithJsonPath(string message)
    {
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal)
            ? ToJsonPath(message[..colon]) + message[colon..]
            : message;
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0];
}
