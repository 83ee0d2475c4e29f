using System.Diagnostics;

namespace FaultLab.Proxy.Tests;

/// <summary>One span per proxied request on FaultLab's activity source. The tests of this class run one after the
/// other (an xUnit class), and no other test class listens to activities, so each listener sees what its test caused;
/// a unique path tells this test's request from any other proxy's running at the same time.</summary>
public sealed class ProxyTracingTests
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task A_proxied_request_is_a_server_span_named_for_its_method_that_continues_the_callers_trace()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        string path = "/orders/" + Guid.NewGuid().ToString("N");
        using var spans = new SpanRecorder(path, FaultLabTelemetry.ActivitySourceName);

        using var response = await SendTracedAsync(proxy, path, "POST");
        Activity span = await spans.SpanAsync();

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(FaultLabTelemetry.ActivitySourceName, span.Source.Name);
        Assert.Equal("faultlab.proxy POST", span.OperationName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        // Nothing else traced the request in the proxy: the span's parent is the caller's, from its traceparent header.
        Assert.Null(span.Parent);
        Assert.Equal(CallerTraceId, span.TraceId.ToHexString());
        Assert.Equal(CallerSpanId, span.ParentSpanId.ToHexString());
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal(path, span.GetTagItem("url.path"));
        Assert.Equal(201, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task When_ASP_NET_Core_traces_the_request_the_proxys_span_is_its_child()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream, """{ "FaultLab": { "Faults": [ ] } }""");
        string path = "/orders/" + Guid.NewGuid().ToString("N");
        using var spans = new SpanRecorder(path, FaultLabTelemetry.ActivitySourceName, "Microsoft.AspNetCore");

        using var response = await SendTracedAsync(proxy, path, "GET");
        Activity span = await spans.SpanAsync();

        // ASP.NET Core already continued the caller's trace: the proxy's span nests under the request's own span.
        Activity hosting = Assert.IsType<Activity>(span.Parent);
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", hosting.OperationName);
        Assert.Equal(hosting.SpanId, span.ParentSpanId);
        Assert.Equal(CallerSpanId, hosting.ParentSpanId.ToHexString());
        Assert.Equal(CallerTraceId, span.TraceId.ToHexString());
        Assert.Equal("faultlab.proxy GET", span.OperationName);
    }

    [Fact]
    public async Task An_injected_fault_is_an_event_on_the_proxys_span_with_the_status_the_client_got()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var proxy = await ProxyFixture.ProxyAsync(upstream,
            """{ "FaultLab": { "Faults": [ { "Kind": "Status", "StatusCode": 503, "Name": "orders-down" } ] } }""");
        string path = "/orders/" + Guid.NewGuid().ToString("N");
        using var spans = new SpanRecorder(path, FaultLabTelemetry.ActivitySourceName);

        using var response = await SendTracedAsync(proxy, path, "GET");
        Activity span = await spans.SpanAsync();

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
        Assert.Equal(true, span.GetTagItem("faultlab.fault.injected"));
        ActivityEvent injected = Assert.Single(span.Events);
        Assert.Equal(FaultLabTelemetry.InjectedEventName, injected.Name);
        Assert.Contains(injected.Tags, t => t.Key == FaultLabTelemetry.FaultNameTag && Equals(t.Value, "orders-down"));
        Assert.Equal(0, upstream.Hits);
    }

    private static async Task<HttpResponseMessage> SendTracedAsync(FaultProxy proxy, string path, string method)
    {
        using var client = ProxyFixture.RawClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(proxy.Address, path.TrimStart('/')));
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{CallerTraceId}-{CallerSpanId}-01");
        return await client.SendAsync(request);
    }

    /// <summary>Listens to the named sources and hands over the FaultLab span of the request to <c>path</c> once it stopped
    /// (it stops after the response went out, so the test waits for it rather than reading a list right away).</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly TaskCompletionSource<Activity> _span = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SpanRecorder(string path, params string[] sources)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => sources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source.Name == FaultLabTelemetry.ActivitySourceName && Equals(activity.GetTagItem("url.path"), path))
                    {
                        _span.TrySetResult(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Task<Activity> SpanAsync() => _span.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public void Dispose() => _listener.Dispose();
    }
}
