using System.Text.RegularExpressions;

namespace FaultLab.Selection;

/// <summary>A <see cref="FaultTarget"/> compiled once, so matching a request allocates nothing.</summary>
internal sealed class RequestMatcher
{
    private readonly string[] _hosts;
    private readonly Regex[] _paths;
    private readonly HttpMethod[] _methods;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly Func<HttpRequestMessage, bool>? _predicate;

    public RequestMatcher(FaultTarget target)
    {
        _hosts = target.Hosts.ToArray();
        _paths = target.Paths.Select(CompileGlob).ToArray();
        _methods = target.Methods.Select(m => new HttpMethod(m.ToUpperInvariant())).ToArray();
        _headers = target.Headers.ToArray();
        _predicate = target.Predicate;
    }

    public bool Matches(HttpRequestMessage request)
    {
        Uri? uri = request.RequestUri;
        if (_hosts.Length > 0 && (uri is null || !AnyHostMatches(uri.IdnHost)))
        {
            return false;
        }

        if (_paths.Length > 0 && (uri is null || !AnyPathMatches(uri.AbsolutePath)))
        {
            return false;
        }

        if (_methods.Length > 0 && !_methods.Contains(request.Method))
        {
            return false;
        }

        foreach (var (name, value) in _headers)
        {
            if (!request.Headers.TryGetValues(name, out var values) ||
                (!string.IsNullOrEmpty(value) && !values.Contains(value, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return _predicate is null || _predicate(request);
    }

    // Loops rather than Any(lambda): the lambda captured the URI, a closure allocated on every request, idle or not.
    private bool AnyHostMatches(string host)
    {
        foreach (string pattern in _hosts)
        {
            if (HostMatches(pattern, host))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyPathMatches(string path)
    {
        foreach (Regex glob in _paths)
        {
            if (glob.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    // '**' crosses segments, '*' stays within one, '?' is one character; everything else is literal.
    internal static Regex CompileGlob(string glob)
    {
        string pattern = Regex.Escape(glob)
            .Replace(@"\*\*", "\u0001", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal)
            .Replace("\u0001", ".*", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
