using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Proxy;

/// <summary>One span per proxied request on FaultLab's activity source, so the core's fault events (added to the
/// current activity) land in the caller's trace even when nothing listens to ASP.NET Core's own activities.</summary>
internal static class ProxyActivity
{
    private static readonly ActivitySource Source = new(FaultLabTelemetry.ActivitySourceName);

    public static Activity? Start(HttpContext context)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // Continue the caller's trace: ASP.NET Core has already done so when it created an activity of its own.
        ActivityContext parent = default;
        if (Activity.Current is null && context.Request.Headers.TraceParent is { Count: > 0 } traceParent)
        {
            ActivityContext.TryParse(traceParent.ToString(), context.Request.Headers.TraceState.ToString(), out parent);
        }

        Activity? activity = Source.StartActivity("faultlab.proxy " + context.Request.Method, ActivityKind.Server, parent);
        activity?.SetTag("http.request.method", context.Request.Method);
        activity?.SetTag("url.path", context.Request.Path.Value);
        return activity;
    }
}
