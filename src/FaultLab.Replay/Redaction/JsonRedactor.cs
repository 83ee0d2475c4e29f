using System.Text.Json.Nodes;

namespace FaultLab.Replay.Redaction;

/// <summary>
/// Replaces JSON fields named by path-ish names: a plain name matches at any depth, a dotted name (optionally
/// starting with <c>$.</c>) only from the root. Arrays are walked through without an index.
/// </summary>
internal static class JsonRedactor
{
    public static void Redact(JsonNode? root, ISet<string> fields, string placeholder)
    {
        if (root is null || fields.Count == 0)
        {
            return;
        }

        var anywhere = fields.Where(f => !IsPath(f)).ToHashSet(StringComparer.Ordinal);
        var paths = fields.Where(IsPath).Select(f => f.StartsWith("$.", StringComparison.Ordinal) ? f[2..] : f)
            .Select(f => f.Split('.')).ToList();
        Walk(root, [], anywhere, paths, placeholder);
    }

    private static bool IsPath(string field) => field.Contains('.', StringComparison.Ordinal);

    private static void Walk(JsonNode node, List<string> path, HashSet<string> anywhere, List<string[]> paths, string placeholder)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    Walk(item!, path, anywhere, paths, placeholder);
                }

                break;
            case JsonObject obj:
                // Copy the names first: assigning a property while enumerating the object is not allowed.
                foreach (string name in obj.Select(p => p.Key).ToList())
                {
                    path.Add(name);
                    if (anywhere.Contains(name) || paths.Any(p => p.SequenceEqual(path, StringComparer.Ordinal)))
                    {
                        obj[name] = placeholder;
                    }
                    else if (obj[name] is { } child)
                    {
                        Walk(child, path, anywhere, paths, placeholder);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }
}
