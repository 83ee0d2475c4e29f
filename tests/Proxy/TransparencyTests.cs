using System.IO.Compression;
using System.Net;
using System.Text;
using FaultLab.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Proxy.Tests;

/// <summary>The proxy's own client relays what a browser-like client would act on (redirects, compression, cookies)
/// untouched: the client behind the proxy decides, as without the proxy.</summary>
public sealed class TransparencyTests
{
    private static readonly byte[] Gzipped = Gzip("hello hello hello hello");

    [Fact]
    public async Task A_redirect_reaches_the_client_as_the_upstreams_302_and_is_not_followed()
    {
        await using var upstream = await WebUpstreamAsync();
        await using var proxy = await ProxyAsync(upstream);
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "redirect"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/target", response.Headers.Location?.OriginalString);
        Assert.Equal(1, upstream.Hits); // the proxy never asked for /target
    }

    [Fact]
    public async Task An_upstream_without_a_Server_header_reaches_the_client_without_one()
    {
        // Kestrel names itself in Server unless told not to: a proxy that did would tell the client a server it never
        // spoke to. A bare upstream sends none, so any Server header would be the proxy's.
        using var upstream = new RawLoopbackServer(async (socket, cancel) =>
        {
            var request = new byte[4096];
            int read = 0;
            while (!Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                read += await socket.ReceiveAsync(request.AsMemory(read), cancel);
            }

            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray(), cancel);
        });
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = upstream.BaseAddress,
            Profile = ProxyFixture.Profile("""{ "FaultLab": { "Faults": [ ] } }"""),
        });
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task A_compressed_body_arrives_still_compressed_with_its_Content_Encoding()
    {
        await using var upstream = await WebUpstreamAsync();
        await using var proxy = await ProxyAsync(upstream);
        using var client = ProxyFixture.RawClient();

        using var response = await client.GetAsync(new Uri(proxy.Address, "gzip"));

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(Gzipped.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Gzipped, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cookie_is_passed_to_the_client_and_never_replayed_by_the_proxy()
    {
        await using var upstream = await WebUpstreamAsync();
        await using var proxy = await ProxyAsync(upstream);
        using var client = ProxyFixture.RawClient(); // keeps no cookies either: any Cookie upstream would be the proxy's

        using var setting = await client.GetAsync(new Uri(proxy.Address, "set-cookie"));
        using var echoed = await client.GetAsync(new Uri(proxy.Address, "echo-cookie"));

        Assert.Equal(["session=abc; path=/"], setting.Headers.GetValues("Set-Cookie"));
        Assert.Equal("no cookie", await echoed.Content.ReadAsStringAsync());
    }

    internal static Task<FaultProxy> ProxyAsync(LoopbackServer upstream) =>
        FaultProxy.StartAsync(new FaultProxyOptions { Upstream = upstream.BaseAddress });

    internal static Task<LoopbackServer> WebUpstreamAsync() => LoopbackServer.StartAsync(app => app.Run(async context =>
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/redirect":
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = "/target";
                break;
            case "/gzip":
                response.ContentType = "text/plain";
                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = Gzipped.Length;
                await response.Body.WriteAsync(Gzipped);
                break;
            case "/set-cookie":
                response.Cookies.Append("session", "abc");
                break;
            case "/echo-cookie":
                await response.WriteAsync(context.Request.Headers.Cookie.Count == 0 ? "no cookie" : "Cookie: " + context.Request.Headers.Cookie);
                break;
            default:
                await response.WriteAsync("reached " + context.Request.Path);
                break;
        }
    }));

    private static byte[] Gzip(string text)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }
}

/// <summary>The proxy never goes through the process's default proxy (HTTP_PROXY and the like) to its upstream. It
/// changes <see cref="HttpClient.DefaultProxy"/> for the whole process, so it runs alone.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DefaultProxyTests
{
    [Fact]
    public async Task The_upstream_is_reached_directly_even_when_the_process_has_a_default_proxy()
    {
        await using var upstream = await TransparencyTests.WebUpstreamAsync();
        await using var processProxy = await LoopbackServer.StartAsync(app => app.Run(context => context.Response.WriteAsync("via the process proxy")));
        IWebProxy saved = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy(processProxy.BaseAddress) { BypassProxyOnLocal = false };
        try
        {
            await using var proxy = await TransparencyTests.ProxyAsync(upstream);
            using var client = ProxyFixture.RawClient();

            using var response = await client.GetAsync(new Uri(proxy.Address, "orders"));

            Assert.Equal("reached /orders", await response.Content.ReadAsStringAsync());
            Assert.Equal(0, processProxy.Hits);
        }
        finally
        {
            HttpClient.DefaultProxy = saved;
        }
    }
}
