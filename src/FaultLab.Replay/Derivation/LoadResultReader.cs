using System.Text.Json;

namespace FaultLab.Replay.Derivation;

/// <summary>
/// Reads a FaultLab.Load JSON result (<c>JsonReport</c>, the <c>.json</c> of a run's reports): per scenario a
/// status-code breakdown and latency percentiles, but no URLs and no individual calls — so each scenario becomes
/// one untargeted endpoint with the recorded p50 and p99.
/// </summary>
internal static class LoadResultReader
{
    /// <summary>A load run records no exception type for a call without a response: a reset before headers stands in.</summary>
    public const string NoResponseKind = "ConnectionReset";

    public static IReadOnlyList<DerivedEndpoint> Read(string path, JsonElement scenarios, string? scenario)
    {
        var chosen = scenarios.EnumerateArray()
            .Where(s => scenario is null || string.Equals(Name(s), scenario, StringComparison.Ordinal))
            .ToList();
        if (chosen.Count == 0)
        {
            string names = string.Join(", ", scenarios.EnumerateArray().Select(Name));
            throw new InvalidDataException(scenario is null
                ? $"'{path}' holds no scenarios."
                : $"'{path}' has no scenario named '{scenario}'; it has: {names}.");
        }

        if (chosen.Count > 1)
        {
            // Two scenarios usually drive two clients; one untargeted profile cannot tell them apart.
            throw new InvalidDataException(
                $"'{path}' holds {chosen.Count} scenarios ({string.Join(", ", chosen.Select(Name))}); name the one to derive from.");
        }

        try
        {
            var stats = chosen[0].GetProperty("stats");
            var latency = stats.GetProperty("latency");
            var outcomes = new Dictionary<string, long>(StringComparer.Ordinal);
            long calls = 0;
            foreach (var code in stats.GetProperty("statusCodes").EnumerateArray())
            {
                long count = code.GetProperty("count").GetInt64();
                calls += count;
                var status = code.GetProperty("statusCode");
                string? outcome = status.ValueKind == JsonValueKind.Number
                    ? status.GetInt32() >= 400 ? status.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null
                    : NoResponseKind;
                if (outcome is not null)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
                }
            }

            return
            [
                new DerivedEndpoint("*", "*", calls, outcomes, new Dictionary<string, TimeSpan>(),
                    TimeSpan.FromMilliseconds(latency.GetProperty("p50Ms").GetDouble()),
                    TimeSpan.FromMilliseconds(latency.GetProperty("p99Ms").GetDouble())),
            ];
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{path}', scenario '{Name(chosen[0])}': not a FaultLab.Load result ({e.Message}); expected stats.latency.p50Ms/p99Ms and stats.statusCodes[].statusCode/count.", e);
        }
    }

    private static string Name(JsonElement scenario) =>
        scenario.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
}
