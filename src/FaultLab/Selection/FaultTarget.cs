using FaultLab.Configuration;
using FaultLab.Selection;

namespace FaultLab;

/// <summary>
/// Which requests a fault applies to. Every non-empty criterion must match (AND); within a list any entry may
/// match (OR). An empty target matches every request.
/// </summary>
public sealed class FaultTarget
{
    /// <summary>Gets the host names to match, case-insensitively; <c>*.example.com</c> matches subdomains.</summary>
    public IList<string> Hosts { get; } = new List<string>();

    /// <summary>Gets the path globs to match: <c>*</c> within one segment, <c>**</c> across segments.</summary>
    public IList<string> Paths { get; } = new List<string>();

    /// <summary>Gets the HTTP methods to match, case-insensitively.</summary>
    public IList<string> Methods { get; } = new List<string>();

    /// <summary>Gets the request headers that must be present; a non-empty value must also match exactly.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a custom predicate that must also hold (code only; not bindable from configuration).</summary>
    public Func<HttpRequestMessage, bool>? Predicate { get; set; }

    internal void Validate(SettingPath path, List<string> errors)
    {
        for (int i = 0; i < Paths.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Paths[i]) || !Paths[i].StartsWith('/'))
            {
                errors.Add($"{path.Child(nameof(Paths)).Index(i)}: a path glob must start with '/' (was '{Paths[i]}').");
            }
        }

        for (int i = 0; i < Hosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Hosts[i]))
            {
                errors.Add($"{path.Child(nameof(Hosts)).Index(i)}: a host must not be empty.");
            }
        }

        // A name a request cannot carry (empty, a space, a colon, or a content header such as Content-Type, which lives
        // on the body) never matches: the fault would never fire, without a word.
        using var probe = new HttpRequestMessage();
        foreach (var name in Headers.Keys)
        {
            if (string.IsNullOrWhiteSpace(name) || !probe.Headers.TryAddWithoutValidation(name, "probe"))
            {
                errors.Add($"{path.Child(nameof(Headers))[name]}: '{name}' is not a request header name a target can match.");
            }
        }

        for (int i = 0; i < Methods.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Methods[i]))
            {
                errors.Add($"{path.Child(nameof(Methods)).Index(i)}: a method must not be empty.");
            }
        }
    }

    internal RequestMatcher Compile() => new(this);
}
