using System.Net;
using System.Text;

namespace FaultLab.Testing;

/// <summary>The healthy dependency of a matrix run: answers every request with a fresh response, in memory.</summary>
internal sealed class MatrixDependency(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) : HttpMessageHandler
{
    /// <summary>The body the default dependency answers with: a small order, long enough for body faults to cut.</summary>
    public const string DefaultBody = """{"id":1,"status":"shipped","total":37.50,"items":[{"sku":"A-100","quantity":2},{"sku":"B-205","quantity":1}]}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(DefaultBody, Encoding.UTF8, "application/json"),
        };
        response.RequestMessage ??= request;
        return response;
    }
}
