using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace FaultLab.Proxy;

/// <summary>YARP's default transforms, plus a watch on the response body so an injected cut reaches the client as
/// a cut (see <see cref="CutBodyContent"/>).</summary>
internal sealed class FaultTransformer : HttpTransformer
{
    public static readonly FaultTransformer Instance = new();

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        // An injected response's length is computed on demand and missing from the header list YARP copies: read it
        // so the client gets Content-Length, as from a real server, rather than a chunked body.
        _ = proxyResponse?.Content?.Headers.ContentLength;
        bool proceed = await Default.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proceed && proxyResponse?.Content is { } content)
        {
            // The headers were copied from the original content already; only the body stream is watched.
            proxyResponse.Content = new CutBodyContent(content, httpContext);
        }

        return proceed;
    }
}
