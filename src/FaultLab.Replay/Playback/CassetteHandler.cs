using FaultLab.Replay.Format;
using FaultLab.Replay.Recording;
using FaultLab.Replay.Redaction;

namespace FaultLab.Replay.Playback;

/// <summary>
/// The primary handler that records and replays. It stands in for the network, so every handler above it (fault
/// injection, resilience, logging) applies to replayed traffic as it would to live traffic. Its inner handler is
/// the real network, reached only when the mode records or bypasses.
/// </summary>
internal sealed class CassetteHandler(Cassette cassette, RecordMode mode, CassetteOptions options, TimeProvider timeProvider)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (mode == RecordMode.Bypass)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var session = cassette.Session(mode, options);
        var live = await InteractionCapture.CaptureAsync(request, cancellationToken).ConfigureAwait(false);
        session.Redactor.Redact(live);
        if (session.Find(live, request) is { } recorded)
        {
            return await ReplayAsync(recorded, request, cancellationToken).ConfigureAwait(false);
        }

        return await RecordAsync(session, live, request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private async Task<HttpResponseMessage> ReplayAsync(Interaction recorded, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.ReplayLatency && recorded.DurationMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(recorded.DurationMs), timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return ReplayedResponse.Create(recorded.Response, request);
    }

    private async Task<HttpResponseMessage> RecordAsync(CassetteSession session, RequestRecord live, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // The record is a copy: redacting it leaves the live response the caller gets untouched.
            var recorded = await InteractionCapture.CaptureAsync(response, cancellationToken).ConfigureAwait(false);
            session.Redactor.Redact(recorded);
            var interaction = new Interaction
            {
                Request = live,
                Response = recorded,
                DurationMs = (long)Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds),
            };
            if (options.ScanForSecrets && SecretScanner.Scan(interaction) is { Count: > 0 } findings)
            {
                throw new CassetteSecretException(cassette.Path, findings);
            }

            await session.RecordAsync(interaction).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
