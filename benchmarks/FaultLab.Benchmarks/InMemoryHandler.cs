using System.Net;

namespace FaultLab.Benchmarks;

/// <summary>
/// The primary handler every benchmark client ends in: answers 200 synchronously with a fresh, empty response, so
/// what is measured is the handler chain above it, not sockets. Fresh because handlers above dispose what they get.
/// </summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
}
