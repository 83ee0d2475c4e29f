using System.Text.Json;
using System.Text.Json.Nodes;
using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>
/// The real JSON body inflated as an unpaginated dependency sends it: the array at <see cref="Path"/> repeated to
/// <see cref="Items"/> elements or to <see cref="Megabytes"/> of body, still valid JSON with a matching
/// Content-Length, optionally delivered at <see cref="BytesPerSecond"/> on the injected clock — so a client proves
/// its <c>MaxResponseContentBufferSize</c>, timeouts and streaming. A body without an array there passes unchanged.
/// </summary>
[FaultKind("The real JSON body inflated: the array at a path repeated to N items or N MB (valid JSON), optionally at a bandwidth.",
    Example = """{ "Path": "$", "Items": 1000 }""")]
public sealed class OversizedPayloadFault : BodyFault
{
    /// <summary>Gets or sets the array to repeat: <c>$</c> for a root array, or a path such as <c>$.items</c>. Defaults to <c>$</c>.</summary>
    public string Path { get; set; } = "$";

    /// <summary>Gets or sets how many elements the array ends up with. Give this or <see cref="Megabytes"/>.</summary>
    public int? Items { get; set; }

    /// <summary>Gets or sets the body size to reach, in MiB (1,048,576 bytes), at least. Give this or <see cref="Items"/>.</summary>
    public double? Megabytes { get; set; }

    /// <summary>Gets or sets a delivery rate for the inflated body; <see langword="null"/> delivers it at once.</summary>
    public int? BytesPerSecond { get; set; }

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (JsonPathTarget.TryParse(Path, out string? error) is null)
        {
            errors.Add($"{path[nameof(Path)]}: {error} (was '{Path}').");
        }

        if (Items.HasValue == Megabytes.HasValue)
        {
            errors.Add($"{path[nameof(Items)]}: give exactly one of Items or Megabytes.");
        }

        if (Items is < 1 or > 10_000_000)
        {
            errors.Add($"{path[nameof(Items)]}: must be from 1 to 10000000 (was {Items}).");
        }

        if (Megabytes is { } mb && (double.IsNaN(mb) || mb <= 0 || mb > 1024))
        {
            errors.Add($"{path[nameof(Megabytes)]}: must be more than 0 and at most 1024 (was {mb}).");
        }

        if (BytesPerSecond is < 1)
        {
            errors.Add($"{path[nameof(BytesPerSecond)]}: must be at least 1 (was {BytesPerSecond}).");
        }
    }

    internal override HttpContent Wrap(HttpContent original, RealizationContext context) =>
        new FaultyContent(original, (stream, _) =>
        {
            Stream inflated = new RewrittenBodyStream(stream, Inflate);
            return BytesPerSecond is { } rate ? new SlowStream(inflated, rate, context.Clock) : inflated;
        }, keepContentLength: false);

    /// <summary>The body with the array repeated; the same bytes when it is not JSON or holds no non-empty array at the path.</summary>
    internal byte[] Inflate(byte[] body)
    {
        if (!DriftJson.TryParse(body, out var root))
        {
            return body;
        }

        var target = JsonPathTarget.TryParse(Path, out _)!;
        var array = target.IsRoot ? root as JsonArray : target.Find(root).Select(p => p.Value).OfType<JsonArray>().FirstOrDefault();
        if (array is not { Count: > 0 })
        {
            return body;
        }

        var originals = array.Select(e => e?.ToJsonString()).ToArray();
        // The average element with its comma, unrounded: whole bytes would overshoot small elements by up to 90 %
        // (1.9 bytes counted as 1), and the top-up below only ever adds.
        double itemBytes = originals.Sum(e => (e?.Length ?? 4) + 1.0) / originals.Length;
        long wanted = Items ?? (long)Math.Ceiling((Megabytes!.Value * 1024 * 1024 - body.Length) / itemBytes) + originals.Length;
        for (long i = array.Count; i < wanted; i++)
        {
            array.Add(originals[i % originals.Length] is { } json ? JsonNode.Parse(json) : null);
        }

        while (array.Count > wanted)
        {
            array.RemoveAt(array.Count - 1);
        }

        byte[] inflated = DriftJson.Serialize(root);
        // The element estimate can fall short of the size asked for; top up with whole elements, never a torn one.
        for (long i = array.Count; Megabytes is { } mb && inflated.Length < mb * 1024 * 1024; i += 64)
        {
            for (int k = 0; k < 64; k++)
            {
                array.Add(originals[(i + k) % originals.Length] is { } json ? JsonNode.Parse(json) : null);
            }

            inflated = DriftJson.Serialize(root);
        }

        return inflated;
    }
}
