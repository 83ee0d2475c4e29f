using System.Text.RegularExpressions;

namespace FaultLab.Replay.Derivation;

/// <summary>
/// Folds the segments of a path that identify a resource (<c>/orders/42</c>, <c>/users/3f2a…-…</c>) into a glob,
/// so every order is one endpoint with one error mix, as a fault target path: <c>/orders/*</c>, or, where that
/// would also match a literal sibling such as <c>/orders/summary</c>, one <c>?</c> per character (<c>/orders/??</c>).
/// </summary>
internal static partial class EndpointPattern
{
    /// <summary>Id-like segments as <c>*</c>.</summary>
    public static string Of(string path) => Fold(path, _ => "*");

    /// <summary>Id-like segments as one <c>?</c> per character: narrower, so it leaves literal siblings of another length alone.</summary>
    public static string OfLength(string path) => Fold(path, segment => new string('?', segment.Length));

    private static string Fold(string path, Func<string, string> glob) =>
        string.Join('/', path.Split('/').Select(segment => IsIdentifier(segment) ? glob(segment) : segment));

    /// <summary>
    /// Whether fault targeting's glob <paramref name="pattern"/> (<c>*</c> within one segment, case-insensitive)
    /// matches <paramref name="path"/>: a folded pattern that also matches a literal endpoint (<c>/orders/*</c> and
    /// <c>/orders/summary</c>) would give that endpoint both endpoints' faults.
    /// </summary>
    public static bool Matches(string pattern, string path) =>
        Regex.IsMatch(path, "^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool IsIdentifier(string segment) =>
        segment.Length > 0 && (segment.All(char.IsAsciiDigit) || Guid.TryParse(segment, out _) || LongHex().IsMatch(segment));

    // Hashes and object ids (Mongo's 24 hex digits, commit SHAs): long, hexadecimal, with at least one digit.
    [GeneratedRegex("^(?=.*[0-9])[0-9a-fA-F]{12,}$")]
    private static partial Regex LongHex();
}
