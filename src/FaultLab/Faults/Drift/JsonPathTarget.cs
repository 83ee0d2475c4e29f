using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FaultLab;

/// <summary>
/// The small JSONPath subset drift faults target: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[2]</c> and the
/// wildcard <c>[*]</c> (every element of an array, or every member of an object), for example <c>$.items[*].price</c>.
/// </summary>
internal sealed partial class JsonPathTarget
{
    private readonly List<Segment> _segments;

    private JsonPathTarget(List<Segment> segments) => _segments = segments;

    /// <summary>Parses <paramref name="path"/>; <see langword="null"/> with <paramref name="error"/> when it is not in the subset.</summary>
    public static JsonPathTarget? TryParse(string? path, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('$'))
        {
            error = "must be a JSON path starting at the root, for example $.items[*].price";
            return null;
        }

        var segments = new List<Segment>();
        int at = 1;
        while (at < path.Length)
        {
            var match = SegmentPattern().Match(path, at);
            if (!match.Success || match.Index != at)
            {
                error = $"cannot read '{path[at..]}' (supported: .name, ['name'], [index], [*])";
                return null;
            }

            segments.Add(match.Groups["name"].Success ? new Segment(match.Groups["name"].Value, null)
                : match.Groups["quoted"].Success ? new Segment(match.Groups["quoted"].Value, null)
                : match.Groups["index"].Success ? new Segment(null, int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture))
                : new Segment(null, null));
            at += match.Length;
        }

        return new JsonPathTarget(segments);
    }

    /// <summary>Gets a value indicating whether the path is the root itself (<c>$</c>).</summary>
    public bool IsRoot => _segments.Count == 0;

    /// <summary>Every place the path reaches in <paramref name="root"/>: the parent and the member name or index there.</summary>
    public IReadOnlyList<Place> Find(JsonNode? root)
    {
        var places = new List<Place>();
        if (_segments.Count > 0)
        {
            Walk(root, 0, places);
        }

        return places;
    }

    private void Walk(JsonNode? node, int depth, List<Place> places)
    {
        var segment = _segments[depth];
        bool last = depth == _segments.Count - 1;
        foreach (var place in Children(node, segment))
        {
            if (last)
            {
                places.Add(place);
            }
            else
            {
                Walk(place.Value, depth + 1, places);
            }
        }
    }

    private static IEnumerable<Place> Children(JsonNode? node, Segment segment) => (node, segment) switch
    {
        (JsonObject obj, { Name: { } name }) when obj.ContainsKey(name) => [new Place(obj, name, null)],
        (JsonArray array, { Index: { } index }) when index < array.Count => [new Place(array, null, index)],
        (JsonArray array, { Name: null, Index: null }) => Enumerable.Range(0, array.Count).Select(i => new Place(array, null, i)).ToList(),
        (JsonObject obj, { Name: null, Index: null }) => obj.Select(p => new Place(obj, p.Key, null)).ToList(),
        _ => [],
    };

    [GeneratedRegex(@"\.(?<name>[A-Za-z_$@][\w$@-]*)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]|\[\*\]|\.\*")]
    private static partial Regex SegmentPattern();

    private readonly record struct Segment(string? Name, int? Index);

    /// <summary>A value's place: its parent object and member name (no index), or its parent array and index (no name).</summary>
    internal readonly record struct Place(JsonNode Parent, string? Name, int? Index)
    {
        public JsonNode? Value => Index is { } index ? Parent.AsArray()[index] : Parent.AsObject()[Name!];

        public void Set(JsonNode? value)
        {
            if (Index is { } index)
            {
                Parent.AsArray()[index] = value;
            }
            else
            {
                Parent.AsObject()[Name!] = value;
            }
        }
    }
}
