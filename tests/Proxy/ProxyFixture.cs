using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace FaultLab.Proxy.Tests;

/// <summary>Builds what the tests share: profiles from JSON text, a proxy in front of an upstream, a raw client.</summary>
internal static class ProxyFixture
{
    public static FaultInjectionOptions Profile(string json)
    {
        var root = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var profile = FaultInjectionOptions.FromConfiguration(root.GetSection("FaultLab"));
        Assert.Empty(profile.Validate());
        return profile;
    }

    public static Task<FaultProxy> ProxyAsync(Upstream upstream, string profileJson, TimeSpan? hangLimit = null) =>
        FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.Address,
            Profile = Profile(profileJson),
            HangLimit = hangLimit ?? TimeSpan.FromSeconds(100),
        });

    /// <summary>A stand-in for a non-.NET client: plain sockets, nothing FaultLab-aware, no decompression or
    /// redirects. A new one per test, so each first request opens a new connection (a client retries a request
    /// whose reused keep-alive connection died before the response: that would hide what one request sees).</summary>
    public static HttpClient RawClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(4),
    };
}
