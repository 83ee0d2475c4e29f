using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace FaultLab.Tests.Support;

/// <summary>An in-memory dependency: answers 200 with a JSON body and counts what really reached it.</summary>
internal sealed class Upstream : HttpMessageHandler
{
    public const string Body = """{"orders":[{"id":1,"total":12.5},{"id":2,"total":99.0}],"next":null}""";

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public HttpResponseMessage? LastResponse { get; private set; }

    /// <summary>Gets or sets work done before answering (a slow dependency for one request, say).</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? Before { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Before is { } before)
        {
            await before(request, cancellationToken);
        }

        Interlocked.Increment(ref _calls);
        Requests.Enqueue(request);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body)),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        response.Content.Headers.ContentLength = Encoding.UTF8.GetByteCount(Body);
        response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"v42\"");
        response.Headers.TryAddWithoutValidation("X-Upstream", "real");
        LastResponse = response;
        return response;
    }
}
