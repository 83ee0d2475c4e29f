using System.Net;
using System.Text;
using FaultLab.Cli.Demo;
using FaultLab.Cli.Experiments;
using FaultLab.Testing;

namespace FaultLab.Cli.Matrix;

/// <summary>
/// Composes a resilience matrix for one CLI client set-up: the set-up's own registration (<see cref="ClientSetup"/>),
/// and as the healthy dependency the response the real target gave, replayed in memory so the faults run on the test
/// clock. Tokens, when the target is the embedded API, come from its real token endpoint.
/// </summary>
internal static class DemoMatrix
{
    public static ResilienceMatrix Create(string name, ClientResilience resilience, Uri target, string path, TokenSource? tokens, RecordedAnswer answer)
    {
        var matrix = ResilienceMatrix.ForHttpClient(name,
                services => ClientSetup.Add(services, name, target, resilience, tokens, _ => { }),
                (http, ct) => http.GetAsync(path, ct))
            .WithUnsafeCall((http, ct) => http.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"), ct))
            .WithDependency(request => answer.Replay(request))
            .DegradedWhen((response, _) => response.Headers.Contains(ClientSetup.FallbackHeader));
        foreach (var (variant, outcome) in Promises(resilience, tokens is not null))
        {
            matrix.Expect(variant, outcome);
        }

        return matrix;
    }

    /// <summary>What each preset promises: the standard handler rides out transient and connection faults; the fallback
    /// set-up also serves the long outage degraded and, with a token endpoint, refreshes an expired token.</summary>
    public static IEnumerable<(string Variant, MatrixOutcome Outcome)> Promises(ClientResilience resilience, bool tokens)
    {
        if (resilience == ClientResilience.None)
        {
            yield break;
        }

        foreach (var v in MatrixCatalogue.Default.Where(v => v.Class is MatrixFaultClass.Transient or MatrixFaultClass.Connection))
        {
            yield return (v.Name, MatrixOutcome.Survived);
        }

        if (resilience == ClientResilience.StandardWithFallback)
        {
            yield return ("1-minute outage (refused)", MatrixOutcome.Degraded);
            if (tokens)
            {
                yield return ("expired token", MatrixOutcome.Survived);
            }
        }
    }
}

/// <summary>One real response of the target (status, media type, body), answered again for every request.</summary>
internal sealed record RecordedAnswer(HttpStatusCode Status, string MediaType, string Body)
{
    public static async Task<RecordedAnswer> FetchAsync(Uri target, string path, TokenSource? tokens, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tokens is not null)
        {
            request.Headers.Authorization = new("Bearer", await tokens.GetAsync(false, cancellationToken).ConfigureAwait(false));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new RecordedAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new InputException($"Target {target} is unreachable: {ex.Message}");
        }
    }

    public HttpResponseMessage Replay(HttpRequestMessage request) => new(Status)
    {
        RequestMessage = request,
        Content = new StringContent(Body, Encoding.UTF8, MediaType),
    };
}
