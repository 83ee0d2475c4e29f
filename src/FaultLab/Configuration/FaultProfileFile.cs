using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace FaultLab;

/// <summary>
/// Reads a fault profile from a JSON file in README's schema: the one reader behind <c>faultlab validate</c>, the proxy
/// and any host that takes a profile file, so each reports the same problems the same way. Syntax errors name the
/// line and column; every other problem names its setting by JSON path (<c>$.FaultLab.Faults[0].StatusCode</c>).
/// </summary>
public static class FaultProfileFile
{
    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads and validates a profile. The file may hold the profile at its root or under <c>FaultLab</c>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="FaultProfileException">The file is missing, is not a JSON object, or the profile is invalid;
    /// <see cref="FaultProfileException.Errors"/> lists every problem.</exception>
    public static FaultInjectionOptions Load(string path)
    {
        var root = ReadJson(path);
        var profile = FaultInjectionOptions.FromConfiguration(ProfileSection(root));
        return profile.Validate() is { Count: > 0 } errors
            ? throw new FaultProfileException(path, [.. errors.Select(WithJsonPath)])
            : profile;
    }

    /// <summary>Reads a JSON file into configuration (a profile, or a document that holds one).</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The file's configuration.</returns>
    /// <exception cref="FaultProfileException">The file is missing or unreadable, or is not a JSON object; a syntax
    /// error names its line and column (both counted from 1).</exception>
    public static IConfigurationRoot ReadJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FaultProfileException(path, [$"{path}: file not found."]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FaultProfileException(path, [$"{path}: cannot be read ({ex.Message})."]);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, Syntax);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FaultProfileException(path, [$"$: must be a JSON object {{ ... }} (was {Describe(document.RootElement.ValueKind)})."]);
            }
        }
        catch (JsonException ex)
        {
            // JsonException counts lines and bytes from zero; editors count from one.
            throw new FaultProfileException(path,
                [$"{path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): invalid JSON: {ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]}"]);
        }

        return new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
    }

    /// <summary>The profile inside a file: its <c>FaultLab</c> member when there is one, else the whole document.</summary>
    /// <param name="root">The file's configuration.</param>
    /// <returns>The section to bind.</returns>
    public static IConfiguration ProfileSection(IConfiguration root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.GetSection("FaultLab") is { } named && named.Exists() ? named : root;
    }

    /// <summary>Writes a configuration path (<c>FaultLab:Faults:0:Rate</c>) as a JSON path (<c>$.FaultLab.Faults[0].Rate</c>).</summary>
    internal static string ToJsonPath(string configurationPath)
    {
        var json = new StringBuilder("$");
        foreach (string part in configurationPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            json.Append(int.TryParse(part, out _) ? $"[{part}]" : $".{part}");
        }

        return json.ToString();
    }

    /// <summary>Rewrites the configuration path that opens a validation message as a JSON path.</summary>
    /// <param name="message">A message such as <c>FaultLab:Faults:0:StatusCode: must be ...</c>.</param>
    /// <returns>The message with a JSON path, or unchanged when it opens with none.</returns>
    public static string WithJsonPath(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) && !message.StartsWith('$')
            ? ToJsonPath(message[..colon]) + message[colon..]
            : message;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
