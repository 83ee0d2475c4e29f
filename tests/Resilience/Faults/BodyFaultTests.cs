using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FaultLab.Tests.Shared;
using FaultLab.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaultLab.Tests.Faults;

public sealed class TruncatedBodyFaultTests
{
    [Fact]
    public async Task A_buffered_read_fails_like_a_real_premature_close_and_the_dependency_was_called_once()
    {
        using var clients = Clients.Create(f => f.AddTruncatedBody(afterBytes: 10));

        // GetAsync buffers the body inside HttpClient, after the whole handler chain has returned.
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetAsync("/orders"));

        Assert.Equal("Error while copying content to a stream.", ex.Message);
        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        var io = Assert.IsType<HttpIOException>(ex.InnerException);
        Assert.Equal("The response ended prematurely. (ResponseEnded)", io.Message);
        Assert.Equal(1, clients.Upstream.Calls);
    }

    [Fact]
    public async Task A_cut_at_or_beyond_the_whole_body_delivers_it_in_full_as_the_wire_would()
    {
        // Every promised byte arrived: a real connection closing now is not a premature end.
        using var clients = Clients.Create(f => f.AddTruncatedBody(afterBytes: Encoding.UTF8.GetByteCount(Upstream.Body)));

        Assert.Equal(Upstream.Body, await clients.Client.GetStringAsync("/orders"));
        using var response = await clients.Client.GetAsync("/orders");
        Assert.Equal(Upstream.Body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetStringAsync_reads_the_stream_so_it_reports_the_bytes_still_owed_like_a_content_length_stream()
    {
        using var clients = Clients.Create(f => f.AddTruncatedBody(afterBytes: 10));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetStringAsync("/orders"));

        Assert.Equal("Error while copying content to a stream.", ex.Message);
        var io = Assert.IsType<HttpIOException>(ex.InnerException);
        Assert.Equal($"The response ended prematurely, with at least {Upstream.Body.Length - 10} additional bytes expected. (ResponseEnded)", io.Message);
    }

    [Fact]
    public async Task A_streamed_read_sees_the_bare_HttpIOException_with_the_bytes_still_owed()
    {
        using var clients = Clients.Create(f => f.AddTruncatedBody(afterBytes: 10));
        using var response = await clients.Client.GetAsync("/orders", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1024];

        int first = await stream.ReadAtLeastAsync(buffer, 10, throwOnEndOfStream: false);
        var ex = await Assert.ThrowsAsync<HttpIOException>(async () => await stream.ReadExactlyAsync(buffer.AsMemory(0, 1)));

        Assert.Equal(10, first);
        Assert.Equal($"The response ended prematurely, with at least {Upstream.Body.Length - 10} additional bytes expected. (ResponseEnded)", ex.Message);
        Assert.Equal(Upstream.Body.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_reset_mid_body_is_an_IOException_over_connection_reset()
    {
        using var clients = Clients.Create(f => f.AddTruncatedBody(ending: BodyEnding.Reset));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => clients.Client.GetStringAsync("/orders"));

        Assert.Equal("Error while copying content to a stream.", ex.Message);
        var io = Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal("Unable to read data from the transport connection: Connection reset by peer.", io.Message);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(io.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task Without_a_byte_count_the_cut_comes_after_the_fraction_of_the_content_length()
    {
        using var half = Clients.Create(f => f.AddTruncatedBody());
        using var quarter = Clients.Create(f => f.AddFault<TruncatedBodyFault>(t => t.AfterFraction = 0.25));

        Assert.Equal(Upstream.Body.Length / 2, await BytesBeforeTheCut(half));
        Assert.Equal(Upstream.Body.Length / 4, await BytesBeforeTheCut(quarter));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_cut_before_its_first_byte()
    {
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddTruncatedBody(), new ChunkedUpstream()));
        using var response = await client.GetAsync("http://orders.internal/a", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();

        var ex = await Assert.ThrowsAsync<HttpIOException>(() => stream.ReadAsync(new byte[64]).AsTask());

        Assert.Equal("The response ended prematurely. (ResponseEnded)", ex.Message);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public void Validation_names_the_cut_settings_with_their_values()
    {
        Assert.Empty(FaultErrors.Of(new TruncatedBodyFault { AfterBytes = 0, AfterFraction = 0 }));
        Assert.Empty(FaultErrors.Of(new TruncatedBodyFault { AfterFraction = 0.999 }));
        Assert.Equal(["Faults:0:AfterBytes: must not be negative (was -1)."], FaultErrors.Of(new TruncatedBodyFault { AfterBytes = -1 }));
        Assert.Equal(["Faults:0:AfterFraction: must be at least 0 and below 1 (was 1)."], FaultErrors.Of(new TruncatedBodyFault { AfterFraction = 1 }));
        Assert.Equal(["Faults:0:AfterFraction: must be at least 0 and below 1 (was -0.1)."], FaultErrors.Of(new TruncatedBodyFault { AfterFraction = -0.1 }));
        Assert.Equal(["Faults:0:AfterFraction: must be at least 0 and below 1 (was NaN)."], FaultErrors.Of(new TruncatedBodyFault { AfterFraction = double.NaN }));
    }

    [Fact]
    public void The_shorthand_sets_rate_ending_and_byte_count()
    {
        var fault = Assert.IsType<TruncatedBodyFault>(Assert.Single(FaultErrors.Built(b => b.AddTruncatedBody(0.5, BodyEnding.Reset, 12))));

        Assert.Equal((0.5, BodyEnding.Reset, (long?)12), (fault.InjectionRate, fault.Ending, fault.AfterBytes));
    }

    private static async Task<int> BytesBeforeTheCut(Clients clients)
    {
        using var response = await clients.Client.GetAsync("/orders", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        int total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (HttpIOException)
        {
            return total;
        }

        throw new InvalidOperationException("the body was not cut");
    }

    private sealed class ChunkedUpstream : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(Upstream.Body))), // no length known up front
            });
    }

    /// <summary>A body whose length StreamContent cannot know, as with a chunked response.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public sealed class SlowBodyFaultTests
{
    [Fact]
    public async Task The_body_arrives_at_the_configured_rate_on_the_injected_clock()
    {
        using var clients = Clients.Create(f => f.AddSlowBody(bytesPerSecond: 10));

        var pending = clients.Client.GetStringAsync("/orders");

        string body = await clients.TimeProvider.Drive(pending, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(Upstream.Body.Length));

        // Fake time, not real time, is the measure: the body cannot have arrived faster than 10 B/s of it.
        Assert.Equal(Upstream.Body, body);
        Assert.True(clients.TimeProvider.Elapsed >= TimeSpan.FromSeconds(Upstream.Body.Length / 10.0),
            $"{Upstream.Body.Length} bytes at 10 B/s arrived after {clients.TimeProvider.Elapsed} of fake time");
    }

    [Fact]
    public void Validation_needs_a_positive_rate_and_the_shorthand_sets_it()
    {
        Assert.Empty(FaultErrors.Of(new SlowBodyFault { BytesPerSecond = 1 }));
        Assert.Equal(["Faults:0:BytesPerSecond: must be positive (was 0)."], FaultErrors.Of(new SlowBodyFault()));
        var fault = Assert.IsType<SlowBodyFault>(Assert.Single(FaultErrors.Built(b => b.AddSlowBody(500, 0.7))));
        Assert.Equal((500, 0.7), (fault.BytesPerSecond, fault.InjectionRate));
    }

    [Fact]
    public async Task The_headers_arrive_at_once_and_keep_the_upstream_length()
    {
        using var clients = Clients.Create(f => f.AddSlowBody(bytesPerSecond: 10));

        using var response = await clients.Client.GetAsync("/orders", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Upstream.Body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(TimeSpan.Zero, clients.TimeProvider.Elapsed);
    }
}

public sealed class MalformedBodyFaultTests
{
    [Theory]
    [InlineData(MalformedBodyMode.TruncatedJson)]
    [InlineData(MalformedBodyMode.InvalidToken)]
    [InlineData(MalformedBodyMode.HtmlErrorPage)]
    public async Task The_payload_no_longer_parses_but_the_framing_is_consistent(MalformedBodyMode mode)
    {
        using var clients = Clients.Create(f => f.AddMalformedBody(mode: mode));

        using var response = await clients.Client.GetAsync("/orders");
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotEqual(Encoding.UTF8.GetBytes(Upstream.Body), body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, clients.Upstream.Calls);
    }

    [Fact]
    public void Each_mode_breaks_the_payload_its_own_way()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"id":12}""");

        Assert.Equal("""{"id""", Encoding.UTF8.GetString(new MalformedBodyFault().Corrupt(body)));
        Assert.Equal("""{"error": undefined, {"id":12}""", Encoding.UTF8.GetString(new MalformedBodyFault { Mode = MalformedBodyMode.InvalidToken }.Corrupt(body)));
        Assert.Equal("<html><body><h1>Bad Gateway</h1></body></html>", Encoding.UTF8.GetString(new MalformedBodyFault { Mode = MalformedBodyMode.HtmlErrorPage }.Corrupt(body)));
    }

    [Fact]
    public async Task The_broken_body_carries_its_own_length_once_read()
    {
        using var clients = Clients.Create(f => f.AddMalformedBody(mode: MalformedBodyMode.HtmlErrorPage));

        using var response = await clients.Client.GetAsync("/orders");

        Assert.Equal("<html><body><h1>Bad Gateway</h1></body></html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(46, response.Content.Headers.ContentLength);
    }

    [Fact]
    public void The_shorthand_sets_rate_and_mode()
    {
        var fault = Assert.IsType<MalformedBodyFault>(Assert.Single(FaultErrors.Built(b => b.AddMalformedBody(0.9, MalformedBodyMode.InvalidToken))));

        Assert.Equal((0.9, MalformedBodyMode.InvalidToken), (fault.InjectionRate, fault.Mode));
    }

    // A network body read synchronously blocks a thread-pool thread per response; under load that starves the pool.
    [Fact]
    public async Task The_upstream_body_is_read_asynchronously_never_with_a_blocking_read()
    {
        using var client = new HttpClient(FaultInjection.CreateHandler(f => f.AddMalformedBody(mode: MalformedBodyMode.TruncatedJson), new AsyncOnlyUpstream()));

        string buffered = await client.GetStringAsync("http://orders.internal/a");
        using var response = await client.GetAsync("http://orders.internal/a", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string streamed = await reader.ReadToEndAsync();

        Assert.Equal(Upstream.Body[..(Upstream.Body.Length / 2)], buffered);
        Assert.Equal(buffered, streamed);
    }

    private sealed class AsyncOnlyUpstream : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StreamContent(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Upstream.Body))),
            });
    }

    private sealed class AsyncOnlyStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("blocking read");

        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("blocking read");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            int n = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A body cut short and read through <c>ReadAsStreamAsync</c>, measured against a real socket that sends 10 of
/// 100 promised bytes then closes (FIN) or resets (RST), next to the injected cut: the same type, message and
/// <see cref="Exception.Source"/> at every level.</summary>
public sealed class StreamedBodyCutShapeTests : IAsyncLifetime
{
    private LoopbackServer _full = null!;

    public async Task InitializeAsync() => _full = await LoopbackServer.StartAsync(app => app.MapGet("/body", () => Results.Bytes(new byte[100])));

    public async Task DisposeAsync() => await _full.DisposeAsync();

    [Theory]
    [InlineData(BodyEnding.CleanClose)]
    [InlineData(BodyEnding.Reset)]
    public async Task A_streamed_read_of_an_injected_cut_fails_as_a_real_one_with_the_real_Source(BodyEnding ending)
    {
        using var cutting = new RawLoopbackServer(async (socket, cancel) =>
        {
            await socket.ReceiveAsync(new byte[4096], cancel);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"u8.ToArray().Concat(new byte[10]).ToArray(), cancel);
            if (ending == BodyEnding.Reset)
            {
                socket.LingerState = new LingerOption(enable: true, seconds: 0); // close as RST
            }
            else
            {
                socket.Shutdown(SocketShutdown.Send); // FIN after 10 of 100 bytes
            }
        });
        using var real = new HttpClient { BaseAddress = cutting.BaseAddress };
        using var injected = new HttpClient(FaultInjection.CreateHandler(f => f.AddTruncatedBody(ending: ending, afterBytes: 10), new SocketsHttpHandler()))
        {
            BaseAddress = _full.BaseAddress,
        };

        var expected = await StreamedReadFailure(real);
        var actual = await StreamedReadFailure(injected);

        Assert.Equal(expected.Select(e => (e.Type, e.Message)), actual.Select(e => (e.Type, e.Message)));
        Assert.Equal(expected.Count, actual.Count);
        for (int level = 0; level < expected.Count; level++)
        {
            Assert.True(SameSource(ending, expected[level].Source, actual[level].Source),
                $"level {level}: real Source {expected[level].Source}, injected {actual[level].Source}");
        }

        Assert.Equal(ending == BodyEnding.Reset ? "System.IO.IOException" : "System.Net.Http.HttpIOException", expected[0].Type);
    }

    // A real reset is seen either by the pending receive (thrown from the socket's awaitable: System.Private.CoreLib)
    // or, when the RST lands before the read is issued, by the socket call itself (System.Net.Sockets); both were
    // measured on this loopback, the first far more often. The injected reset gives the first; either is real.
    private static bool SameSource(BodyEnding ending, string? real, string? injected) =>
        real == injected
        || (ending == BodyEnding.Reset
            && real is "System.Private.CoreLib" or "System.Net.Sockets"
            && injected is "System.Private.CoreLib" or "System.Net.Sockets");

    private static async Task<List<(string Type, string Message, string? Source)>> StreamedReadFailure(HttpClient client)
    {
        using var response = await client.GetAsync("/body", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8];
        var chain = new List<(string, string, string?)>();
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException ex)
        {
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                chain.Add((e.GetType().FullName!, e.Message, e.Source));
            }
        }

        Assert.NotEmpty(chain);
        return chain;
    }
}
