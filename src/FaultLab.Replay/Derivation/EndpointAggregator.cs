namespace FaultLab.Replay.Derivation;

/// <summary>Groups calls by host and path pattern and summarises each group's error mix and latency.</summary>
internal static class EndpointAggregator
{
    public static IReadOnlyList<DerivedEndpoint> Aggregate(IEnumerable<ObservedCall> calls)
    {
        var list = calls.ToList();
        var literalPaths = list.Where(c => EndpointPattern.Of(c.Path) == c.Path)
            .GroupBy(c => c.Host, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Path).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), StringComparer.OrdinalIgnoreCase);
        var folding = new Dictionary<(string, string), string>();
        return list
            .GroupBy(c => (Host: c.Host.ToLowerInvariant(), Path: Pattern(c, literalPaths, folding)), PathIgnoringCase.Instance)
            .OrderBy(g => g.Key.Host, StringComparer.Ordinal).ThenBy(g => g.Key.Path, StringComparer.OrdinalIgnoreCase)
            .Select(g => Summarise(g.Key.Host, g.Key.Path, g.ToList()))
            .ToList();
    }

    /// <summary>
    /// The widest folded pattern that matches no literal endpoint of the host (which would then get both endpoints'
    /// faults): <c>*</c>, else <c>?</c> per character, else the path as it is.
    /// </summary>
    private static string Pattern(ObservedCall call, Dictionary<string, List<string>> literalPaths, Dictionary<(string, string), string> cache)
    {
        if (cache.TryGetValue((call.Host, call.Path), out var known))
        {
            return known;
        }

        var literals = literalPaths.GetValueOrDefault(call.Host) ?? [];
        string chosen = new[] { EndpointPattern.Of(call.Path), EndpointPattern.OfLength(call.Path) }
            .FirstOrDefault(p => !literals.Any(l => EndpointPattern.Matches(p, l))) ?? call.Path;
        return cache[(call.Host, call.Path)] = chosen;
    }

    private static DerivedEndpoint Summarise(string host, string path, List<ObservedCall> calls)
    {
        var errors = calls.Where(c => c.IsError).GroupBy(c => c.Outcome)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var retryAfter = calls.Where(c => c.IsError && c.RetryAfter is not null).GroupBy(c => c.Outcome)
            .ToDictionary(g => g.Key, g => Percentile(g.Select(c => c.RetryAfter!.Value).Order().ToList(), 0.5), StringComparer.Ordinal);
        var durations = calls.Select(c => c.Duration).Order().ToList();
        return new DerivedEndpoint(host, path, calls.Count, errors, retryAfter, Percentile(durations, 0.50), Percentile(durations, 0.99));
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static TimeSpan Percentile(List<TimeSpan> sorted, double q) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Hosts are already lower case; paths match targets case-insensitively, so they group that way.</summary>
    private sealed class PathIgnoringCase : IEqualityComparer<(string Host, string Path)>
    {
        public static readonly PathIgnoringCase Instance = new();

        public bool Equals((string Host, string Path) x, (string Host, string Path) y) =>
            x.Host == y.Host && string.Equals(x.Path, y.Path, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Host, string Path) obj) =>
            HashCode.Combine(obj.Host, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Path));
    }
}
