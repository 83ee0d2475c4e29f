using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FaultLab.Cli.Demo;

namespace FaultLab.Cli.Matrix;

/// <summary>
/// The demo's token endpoint, answered in memory during a matrix run: a real network call while the test clock is
/// driven would let the clock run past the client's timeouts before the token arrived.
/// </summary>
internal sealed class InMemoryTokenEndpoint : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = new TokenResponse(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), 300);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(JsonSerializer.Serialize(token, DemoJson.Default.TokenResponse), Encoding.UTF8, "application/json"),
        });
    }
}
