using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaultLab.Replay.Redaction;

/// <summary>
/// Replaces JSON fields named by path-ish names: a plain name matches at any depth, a dotted name (optionally
/// starting with <c>$.</c>) only from the root. Arrays are walked through without an index.
/// </summary>
internal static class JsonRedactor
{
    /// <summary>Redacts <paramref name="fields"/> (case-sensitive names or paths) and <paramref name="namesAnyCase"/> (plain names, any depth, any case).</summary>
    public static void Redact(JsonNode? root, ISet<string> fields, string placeholder, ISet<string>? namesAnyCase = null)
    {
        // Stryker disable once Logical,Statement,Block : a shortcut only; walking a null root or with nothing named changes nothing
        if (root is null || NothingNamed(fields, namesAnyCase))
        {
            return;
        }

        var anywhere = fields.Where(f => !IsPath(f)).ToHashSet(StringComparer.Ordinal);
        var anyCase = new HashSet<string>(namesAnyCase ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var paths = fields.Where(IsPath).Select(f => f.StartsWith("$.", StringComparison.Ordinal) ? f[2..] : f)
            .Select(f => f.Split('.')).ToList();
        Walk(root, [], name => anywhere.Contains(name) || anyCase.Contains(name), paths, placeholder);
    }

    /// <summary>
    /// For a body stored as text: JSON that did not parse (duplicate names, a trailing comma, a truncated body), or
    /// JSON inside other text (server-sent events, a script). Every value of a <c>"name": value</c> pair named like a
    /// field's last segment is replaced, at any depth. Coarser than <see cref="Redact"/>, but a field that was asked
    /// to be redacted never reaches the disk.
    /// </summary>
    public static string RedactText(string text, ISet<string> fields, string placeholder, ISet<string>? namesAnyCase = null)
    {
        // No shortcut for an empty text: the search below finds nothing in it and returns it as it came.
        string replacement = $"\"{JsonEncodedText.Encode(placeholder)}\"";
        var names = fields.Select(f => f.Split('.')[^1]).Where(n => n.Length > 0 && n != "$").Distinct(StringComparer.Ordinal);
        foreach (string name in names)
        {
            text = RedactName(text, name, replacement, StringComparison.Ordinal);
        }

        foreach (string name in namesAnyCase ?? Enumerable.Empty<string>())
        {
            text = RedactName(text, name, replacement, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static string RedactName(string text, string name, string replacement, StringComparison comparison)
    {
        string key = $"\"{name}\"";
        var output = new StringBuilder(text.Length);
        int copied = 0;
        for (int at = text.IndexOf(key, comparison); at >= 0; at = text.IndexOf(key, at + 1, comparison))
        {
            if (at < copied || (at > 0 && text[at - 1] == '\\'))
            {
                continue;
            }

            int colon = SkipWhitespace(text, at + key.Length);
            if (colon >= text.Length || text[colon] != ':')
            {
                continue;
            }

            int start = SkipWhitespace(text, colon + 1);
            int end = ValueEnd(text, start);
            output.Append(text, copied, start - copied).Append(replacement);
            copied = end;
        }

        return output.Append(text, copied, text.Length - copied).ToString();
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The index just past the value starting at <paramref name="start"/>, or the text's end if it is cut off.</summary>
    private static int ValueEnd(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i; // end of the enclosing object: an empty value
                    }

                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
                default:
                    if (depth == 0 && char.IsWhiteSpace(c))
                    {
                        return i;
                    }

                    break;
            }
        }

        return text.Length;
    }

    private static bool NothingNamed(ISet<string> fields, ISet<string>? namesAnyCase) =>
        fields.Count == 0 && (namesAnyCase is null || namesAnyCase.Count == 0);

    private static bool IsPath(string field) => field.Contains('.', StringComparison.Ordinal);

    private static void Walk(JsonNode node, List<string> path, Func<string, bool> anywhere, List<string[]> paths, string placeholder)
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
                    if (anywhere(name) || paths.Any(p => p.SequenceEqual(path, StringComparer.Ordinal)))
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
