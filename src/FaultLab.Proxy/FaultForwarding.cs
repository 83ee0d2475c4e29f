using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace FaultLab.Proxy;

/// <summary>The proxy's one request delegate: forward through the fault pipeline, then realize a failed outcome.</summary>
internal sealed class FaultForwarding(IHttpForwarder forwarder, HttpMessageInvoker invoker, string upstream, ForwarderRequestConfig config)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var activity = ProxyActivity.Start(context);
        ForwarderError error = await forwarder.SendAsync(context, upstream, invoker, config, FaultTransformer.Instance).ConfigureAwait(false);
        if (error == ForwarderError.None)
        {
            activity?.SetTag("http.response.status_code", context.Response.StatusCode);
            // Stryker disable once Statement : falling through decides Ending.None for ForwarderError.None, which Apply leaves alone; the return only skips that
            return;
        }

        Exception? exception = context.GetForwarderErrorFeature()?.Exception;
        var ending = OutcomeRealizer.Decide(error, exception, context.Response.HasStarted);
        OutcomeRealizer.Apply(context, ending, exception);
    }
}
