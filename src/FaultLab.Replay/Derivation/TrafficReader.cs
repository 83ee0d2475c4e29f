using System.Globalization;
using System.Text.Json;
using FaultLab.Replay.Format;
using FaultLab.Replay.Har;

namespace FaultLab.Replay.Derivation;

/// <summary>
/// Reads captured traffic into <see cref="ObservedCall"/>s: a cassette, a HAR file, or a FaultLab.Load JSON result.
/// The kind is told by content, not by file name.
/// </summary>
internal static class TrafficReader
{
    public static IReadOnlyList<DerivedEndpoint> Read(string path, string? scenario)
    {
        using var document = Parse(path);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("log", out _))
        {
            return EndpointAggregator.Aggregate(FromHar(path));
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("interactions", out _))
        {
            return EndpointAggregator.Aggregate(FromCassette(path));
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("scenarios", out var scenarios) && scenarios.ValueKind == JsonValueKind.Array)
        {
            return LoadResultReader.Read(path, scenarios, scenario);
        }

        throw new InvalidDataException(
            $"'{path}' is neither a cassette (\"interactions\"), a HAR file (\"log\") nor a FaultLab.Load JSON result (\"scenarios\").");
    }

    private static JsonDocument Parse(string path)
    {
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(path);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static List<ObservedCall> FromCassette(string path) =>
        CassetteFile.Load(path).Interactions.Select(i =>
        {
            var uri = new Uri(i.Request.Uri);
            return new ObservedCall(uri.IdnHost, uri.AbsolutePath, i.Response.Status, null,
                TimeSpan.FromMilliseconds(i.DurationMs), RetryAfter(i.Response.Headers.TryGetValue("Retry-After", out var v) ? v : null));
        }).ToList();

    private static List<ObservedCall> FromHar(string path)
    {
        var calls = new List<ObservedCall>();
        foreach (var entry in HarArchive.Read(path).Log!.Entries!)
        {
            if (entry?.Request?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var duration = TimeSpan.FromMilliseconds(Math.Max(0, entry.Time));
            if (entry.Response is { Status: >= 200 and <= 599 } response)
            {
                var retryAfter = response.Headers?.Where(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value ?? "").ToList();
                calls.Add(new ObservedCall(uri.IdnHost, uri.AbsolutePath, response.Status, null, duration, RetryAfter(retryAfter)));
            }
            else if (BrowserErrors.FaultKind(entry.Response?.Error) is { } kind)
            {
                calls.Add(new ObservedCall(uri.IdnHost, uri.AbsolutePath, null, kind, duration));
            }
        }

        return calls;
    }

    private static TimeSpan? RetryAfter(List<string>? values) =>
        values is [var value, ..] && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
