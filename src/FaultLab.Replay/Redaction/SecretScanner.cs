using System.Text.RegularExpressions;
using FaultLab.Replay.Format;

namespace FaultLab.Replay.Redaction;

/// <summary>
/// Looks for well-known secret shapes in what is about to be written. Redaction only removes what the user named;
/// this catches the token nobody thought of (Ruby VCR #704), after redaction, before the disk.
/// </summary>
internal static partial class SecretScanner
{
    private static readonly (string Kind, Regex Pattern)[] Shapes =
    [
        ("JSON Web Token", Jwt()),
        ("AWS access key id", AwsAccessKey()),
        ("GitHub token", GitHubToken()),
        ("Slack token", SlackToken()),
        ("private key block", PrivateKey()),
    ];

    /// <summary>Each finding as "kind in place (first characters…)"; the secret itself is never repeated in full.</summary>
    public static IReadOnlyList<string> Scan(Interaction interaction)
    {
        var findings = new List<string>();
        Check("request URL", interaction.Request.Uri, findings);
        CheckHeaders("request", interaction.Request.Headers, findings);
        Check("request body", BodyCodec.AsText(interaction.Request.Body), findings);
        CheckHeaders("response", interaction.Response.Headers, findings);
        Check("response body", BodyCodec.AsText(interaction.Response.Body), findings);
        return findings;
    }

    /// <summary>
    /// The text with every secret shape cut to its first characters, as findings show them. For text that is printed
    /// rather than written (a skipped HAR entry's URL), where refusing is not an option.
    /// </summary>
    public static string Mask(string text)
    {
        foreach (var (_, pattern) in Shapes)
        {
            text = pattern.Replace(text, match => Preview(match.Value));
        }

        return text;
    }

    private static void CheckHeaders(string side, Dictionary<string, List<string>> headers, List<string> findings)
    {
        foreach (var (name, values) in headers)
        {
            foreach (string value in values)
            {
                Check($"{side} header '{name}'", value, findings);
            }
        }
    }

    private static void Check(string place, string? text, List<string> findings)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var (kind, pattern) in Shapes)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                findings.Add($"{kind} in {place} ({Preview(match.Value)})");
            }
        }
    }

    private static string Preview(string secret) => $"{secret[..Math.Min(6, secret.Length)]}…";

    // A JWT's header and payload are base64url JSON objects, so both start with "eyJ" ('{"').
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bxox[abprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();
}
