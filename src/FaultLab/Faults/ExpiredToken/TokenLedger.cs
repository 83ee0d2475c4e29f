using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FaultLab;

/// <summary>Decides whether a bearer token is still valid, remembering only a hash of each token and when it was first seen.</summary>
internal sealed class TokenLedger(TimeProvider clock, TimeSpan lifetime, DateTimeOffset? revokeAt)
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public bool IsValid(string token)
    {
        DateTimeOffset now = clock.GetUtcNow();
        DateTimeOffset firstSeen = _firstSeen.GetOrAdd(Hash(token), now);
        if (revokeAt is { } revoke && now >= revoke && firstSeen < revoke)
        {
            return false;
        }

        return TryReadJwtExpiry(token) is { } exp ? now < exp : now - firstSeen < lifetime;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Reads <c>exp</c> (seconds since the epoch) from a JWT's payload; <see langword="null"/> for anything else.</summary>
    internal static DateTimeOffset? TryReadJwtExpiry(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            string payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));

            // Anything but an object with a numeric exp in DateTimeOffset's range (exp in milliseconds or as a string, a
            // payload that is a bare number) is not a JWT this server can read: the token is opaque, never an exception
            // for the caller (TryGetInt64 throws InvalidOperationException on a string).
            return json.RootElement.ValueKind == JsonValueKind.Object &&
                   json.RootElement.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number &&
                   exp.TryGetInt64(out long seconds) &&
                   seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
