using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaultLab.Control;

/// <summary>A .NET client for FaultLab's control API (a proxy's, or an application's <c>MapFaultControl</c>).</summary>
/// <example><code>
/// var control = new FaultControlClient(new HttpClient { BaseAddress = controlAddress });
/// await using var lease = await control.ApplyAsync(profile);   // faults on, renewed in the background
/// // ... exercise the system ...
/// // disposing the lease removes its faults; if this process dies, the lease expires (dead-man switch)
/// </code></example>
public sealed class FaultControlClient
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="FaultControlClient"/> class.</summary>
    /// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the control API's base, for example
    /// <c>http://127.0.0.1:50123/faultlab/</c> (<see cref="FaultControlServer.Address"/>).</param>
    /// <param name="timeProvider">The clock leases are renewed on; the system clock when omitted.</param>
    public FaultControlClient(HttpClient http, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs the control API's BaseAddress.", nameof(http));
        }

        _http = http;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the state: on/off, the profile's name, every fault with its id, the leases.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state as the API reports it (README schema for each <c>fault</c>).</returns>
    public async Task<JsonObject> GetStateAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Get, "", null, cancellationToken).ConfigureAwait(false))!;

    /// <summary>Adds a fault after the others.</summary>
    /// <param name="faultJson">The fault, as one element of a profile's <c>Faults</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new fault's id.</returns>
    /// <exception cref="FaultControlException">The fault is invalid (each error names its setting).</exception>
    public async Task<string> AddFaultAsync(string faultJson, CancellationToken cancellationToken = default) =>
        (string)(await SendAsync(HttpMethod.Post, "faults", faultJson, cancellationToken).ConfigureAwait(false))!["id"]!;

    /// <summary>Adds a fault built in code.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new fault's id.</returns>
    public Task<string> AddFaultAsync(Fault fault, CancellationToken cancellationToken = default) =>
        AddFaultAsync(FaultJson.Write(fault).ToJsonString(), cancellationToken);

    /// <summary>Replaces a fault, keeping its place.</summary>
    /// <param name="id">The fault's id.</param>
    /// <param name="faultJson">The new fault.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the change is in force.</returns>
    public Task ReplaceFaultAsync(string id, string faultJson, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, "faults/" + Uri.EscapeDataString(id), faultJson, cancellationToken);

    /// <summary>Removes a fault.</summary>
    /// <param name="id">The fault's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the fault is gone.</returns>
    public Task RemoveFaultAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "faults/" + Uri.EscapeDataString(id), null, cancellationToken);

    /// <summary>Turns every fault off or back on.</summary>
    /// <param name="enabled">Whether faults are on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the switch is in force.</returns>
    public Task SetEnabledAsync(bool enabled, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, "enabled", new JsonObject { ["enabled"] = enabled }.ToJsonString(), cancellationToken);

    /// <summary>Back to the starting profile: added and leased faults go, counters restart.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the reset is in force.</returns>
    public Task ResetAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, "reset", null, cancellationToken);

    /// <summary>Reads the counters: requests forwarded and faults injected by name.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counters.</returns>
    public async Task<FaultCounters> GetCountersAsync(CancellationToken cancellationToken = default)
    {
        var json = (await SendAsync(HttpMethod.Get, "counters", null, cancellationToken).ConfigureAwait(false))!;
        var injected = json["injected"]!.AsObject().ToDictionary(p => p.Key, p => (long)p.Value!, StringComparer.Ordinal);
        return new FaultCounters((long)json["forwarded"]!, injected);
    }

    /// <summary>Applies a profile's faults under a lease that this client renews in the background; disposing the
    /// lease removes them. If this process stops renewing (it crashed, it hangs), the faults go by themselves
    /// once the lease's duration has passed.</summary>
    /// <param name="profile">The profile whose faults to apply.</param>
    /// <param name="duration">The lease's life without renewal; the server's default (30 s) when omitted.
    /// The client renews at a third of it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease.</returns>
    public Task<FaultLease> ApplyAsync(FaultInjectionOptions profile, TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        ApplyAsync(FaultJson.Write(profile), duration, cancellationToken);

    /// <summary>Applies a profile given as JSON (README schema) under a renewed lease; see
    /// <see cref="ApplyAsync(FaultInjectionOptions, TimeSpan?, CancellationToken)"/>.</summary>
    /// <param name="profileJson">The profile's JSON text.</param>
    /// <param name="duration">The lease's life without renewal; the server's default when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="FaultControlException">The profile is invalid (each error names its setting's path).</exception>
    public async Task<FaultLease> ApplyAsync(string profileJson, TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        string path = duration is { } d ? FormattableString.Invariant($"leases?seconds={d.TotalSeconds}") : "leases";
        var json = (await SendAsync(HttpMethod.Post, path, profileJson, cancellationToken).ConfigureAwait(false))!;
        var lease = new FaultLeaseInfo((string)json["id"]!, [.. json["faults"]!.AsArray().Select(f => (string)f!)],
            json["expiresAt"]!.GetValue<DateTimeOffset>());
        TimeSpan life = lease.ExpiresAt - _time.GetUtcNow();
        return new FaultLease(this, lease, duration, life > TimeSpan.Zero ? life : TimeSpan.FromSeconds(1), _time);
    }

    internal async Task<bool> RenewAsync(string leaseId, TimeSpan? duration, CancellationToken cancellationToken)
    {
        string path = "leases/" + Uri.EscapeDataString(leaseId) + (duration is { } d ? FormattableString.Invariant($"?seconds={d.TotalSeconds}") : "");
        using var response = await _http.PutAsync(path, null, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    internal async Task EndLeaseAsync(string leaseId, CancellationToken cancellationToken)
    {
        // A lease that already expired is gone with its faults: nothing left to end.
        using var response = await _http.DeleteAsync("leases/" + Uri.EscapeDataString(leaseId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? json = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        if (!response.IsSuccessStatusCode)
        {
            var errors = json?["errors"] is JsonArray list ? list.Select(e => (string)e!).ToList() : [];
            throw new FaultControlException((int)response.StatusCode,
                $"{method} {path}: {(int)response.StatusCode} {(string?)json?["title"] ?? response.ReasonPhrase}. {(errors.Count == 0 ? (string?)json?["detail"] : null)}".TrimEnd(' ', '.') + ".",
                errors);
        }

        return json;
    }
}
