using FaultLab.Replay.Format;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Matching;

/// <summary>
/// Compares a live request (already redacted) with a recorded one and says how they differ. The same list of
/// differences decides a match (none) and explains a mismatch, so the error message can never disagree with
/// the matching rule.
/// </summary>
internal sealed class RequestMatcher(CassetteMatching settings, Redactor redactor)
{
    /// <summary>The differences, each with a weight: how far the two requests are apart, to find the closest one.</summary>
    public List<Difference> Compare(RequestRecord live, HttpRequestMessage liveMessage, RequestRecord recorded)
    {
        var differences = new List<Difference>();
        if (!string.Equals(live.Method, recorded.Method, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(new($"method: recorded {recorded.Method}, sent {live.Method}", 2));
        }

        var liveUri = new Uri(live.Uri);
        var recordedUri = new Uri(recorded.Uri);
        if (settings.MatchAuthority && Uri.Compare(liveUri, recordedUri, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            differences.Add(new($"scheme, host or port: recorded {recordedUri.GetLeftPart(UriPartial.Authority)}, sent {liveUri.GetLeftPart(UriPartial.Authority)}", 4));
        }

        if (!string.Equals(liveUri.AbsolutePath, recordedUri.AbsolutePath, StringComparison.Ordinal))
        {
            differences.Add(new($"path: recorded {recordedUri.AbsolutePath}, sent {liveUri.AbsolutePath}", 4));
        }

        CompareQuery(liveUri, recordedUri, differences);
        CompareHeaders(live.Headers, recorded.Headers, differences);
        if (settings.MatchBody && !BodyCodec.AreEqual(live.Body, recorded.Body))
        {
            differences.Add(new($"body: recorded {Shorten(BodyCodec.AsText(recorded.Body))}, sent {Shorten(BodyCodec.AsText(live.Body))}", 1));
        }

        if (differences.Count == 0 && settings.Predicate is { } predicate && !predicate(liveMessage, ToPublic(recorded)))
        {
            differences.Add(new("the custom matching predicate returned false", 1));
        }

        return differences;
    }

    /// <summary>The recorded request as the public type handed to custom predicates.</summary>
    public static RecordedRequest ToPublic(RequestRecord recorded) => new(
        recorded.Method,
        new Uri(recorded.Uri),
        recorded.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value, StringComparer.OrdinalIgnoreCase),
        BodyCodec.AsText(recorded.Body));

    private void CompareQuery(Uri live, Uri recorded, List<Difference> differences)
    {
        // Query order never matters; a parameter sent twice must be recorded twice.
        var liveQuery = Query(live);
        var recordedQuery = Query(recorded);
        foreach (string name in liveQuery.Keys.Union(recordedQuery.Keys).Order(StringComparer.Ordinal))
        {
            var sent = liveQuery.GetValueOrDefault(name) ?? [];
            var had = recordedQuery.GetValueOrDefault(name) ?? [];
            if (!sent.SequenceEqual(had, StringComparer.Ordinal))
            {
                differences.Add(new($"query parameter '{name}': recorded {Show(had)}, sent {Show(sent)}", 1));
            }
        }
    }

    private Dictionary<string, List<string>> Query(Uri uri) =>
        QueryString.Parse(uri.Query)
            .Where(p => !settings.IgnoredQueryParameters.Contains(p.Name))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private void CompareHeaders(Dictionary<string, List<string>> live, Dictionary<string, List<string>> recorded, List<Difference> differences)
    {
        // Recorded dictionaries come from disk with an ordinal comparer; header names are case-insensitive.
        var liveHeaders = new Dictionary<string, List<string>>(live, StringComparer.OrdinalIgnoreCase);
        var recordedHeaders = new Dictionary<string, List<string>>(recorded, StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> names = settings.Headers;
        if (settings.MatchAllHeaders)
        {
            names = names.Union(liveHeaders.Keys.Union(recordedHeaders.Keys, StringComparer.OrdinalIgnoreCase)
                .Where(n => !settings.VolatileHeaders.Contains(n)), StringComparer.OrdinalIgnoreCase);
        }

        // A redacted header holds the placeholder on both sides already; skipping it keeps the rule obvious.
        foreach (string name in names.Where(n => !redactor.IsRedactedHeader(n)).Order(StringComparer.OrdinalIgnoreCase))
        {
            var sent = liveHeaders.GetValueOrDefault(name) ?? [];
            var had = recordedHeaders.GetValueOrDefault(name) ?? [];
            if (!sent.SequenceEqual(had, StringComparer.Ordinal))
            {
                differences.Add(new($"header '{name}': recorded {Show(had)}, sent {Show(sent)}", 1));
            }
        }
    }

    private static string Show(List<string> values) => values.Count == 0 ? "(none)" : $"'{string.Join(", ", values)}'";

    private static string Shorten(string? text) =>
        text is null ? "(none)" : text.Length <= 80 ? $"'{text}'" : $"'{text[..80]}…' ({text.Length} chars)";
}

/// <summary>One way two requests differ, and how much it counts when looking for the closest recorded request.</summary>
internal readonly record struct Difference(string Description, int Weight);
