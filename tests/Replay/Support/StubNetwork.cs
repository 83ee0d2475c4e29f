using System.Net;
using System.Text;

namespace FaultLab.Replay.Tests.Support;

/// <summary>An in-memory dependency for unit tests: answers every request with a numbered text body, opening no socket.</summary>
internal sealed class StubNetwork : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int call = Interlocked.Increment(ref _calls);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent($"answer {call}", Encoding.UTF8, "text/plain"),
        });
    }
}
