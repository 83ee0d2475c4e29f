namespace FaultLab.Replay.Redaction;

/// <summary>Splits and rebuilds <c>name=value&amp;…</c> strings (URL queries and form bodies) without re-encoding what it leaves alone.</summary>
internal static class QueryString
{
    /// <summary>The decoded parameters in the order given.</summary>
    public static IEnumerable<(string Name, string Value)> Parse(string query) =>
        Split(query).Select(p => (Decode(p.Name), Decode(p.Value ?? "")));

    /// <summary>Replaces the value of every parameter named in <paramref name="names"/> with <paramref name="placeholder"/>.</summary>
    public static string Redact(string query, ISet<string> names, string placeholder)
    {
        if (names.Count == 0 || query.Length == 0)
        {
            return query;
        }

        var parts = Split(query).Select(p =>
            names.Contains(Decode(p.Name)) ? $"{p.Name}={Uri.EscapeDataString(placeholder)}"
            : p.Value is null ? p.Name
            : $"{p.Name}={p.Value}");
        return string.Join('&', parts);
    }

    /// <summary>
    /// Redacts the query of a URL, absolute or relative (a <c>Location</c> header may be either), and a fragment
    /// written as parameters (OAuth's implicit flow returns its <c>access_token</c> there) or as a hash router's route with
    /// a query (<c>#/callback?access_token=…</c>). Every other character is
    /// kept as it was (empty <c>&amp;&amp;</c> pairs aside), so a header replays as recorded.
    /// </summary>
    public static string RedactUri(string uri, ISet<string> names, string placeholder)
    {
        if (names.Count == 0)
        {
            return uri;
        }

        int hash = uri.IndexOf('#');
        string beforeFragment = hash < 0 ? uri : uri[..hash];
        string fragment = hash < 0 ? "" : uri[hash..];
        int question = beforeFragment.IndexOf('?');
        string path = question < 0 ? beforeFragment : beforeFragment[..question];
        string query = question < 0 ? "" : Redact(beforeFragment[(question + 1)..], names, placeholder);
        int routeQuery = fragment.IndexOf('?');
        if (routeQuery >= 0)
        {
            // A hash router's route keeps its own query: #/callback?access_token=...
            fragment = fragment[..(routeQuery + 1)] + Redact(fragment[(routeQuery + 1)..], names, placeholder);
        }
        else if (fragment.Contains('=', StringComparison.Ordinal))
        {
            fragment = "#" + Redact(fragment[1..], names, placeholder);
        }

        return query.Length > 0 ? $"{path}?{query}{fragment}" : path + fragment;
    }

    private static IEnumerable<(string Name, string? Value)> Split(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            int equals = pair.IndexOf('=');
            return equals < 0 ? (pair, (string?)null) : (pair[..equals], pair[(equals + 1)..]);
        });

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
