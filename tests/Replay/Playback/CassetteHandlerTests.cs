using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaultLab.Replay.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Replay.Tests.Playback;

public sealed class CassetteHandlerTests : LoopbackTest
{
    private string CassettePath => Files.File("cassette.json");

    [Fact]
    public async Task Recorded_traffic_replays_after_the_dependency_is_stopped()
    {
        var recorded = new Dictionary<string, (HttpStatusCode Status, string? Type, byte[] Body)>();
        using (var client = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            foreach (string path in new[] { "orders/7?b=2&a=1", "hello", "binary" })
            {
                using var response = await client.GetAsync(path);
                recorded[path] = (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
            }

            using var echo = await client.PostAsync("echo", new StringContent("{\"qty\":3}", Encoding.UTF8, "application/json"));
            Assert.Equal("{\"qty\":3}", await echo.Content.ReadAsStringAsync());
        }

        await Dependency.StopAsync();
        int hits = Dependency.Hits;

        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly);
        foreach (var (path, expected) in recorded)
        {
            using var response = await replay.GetAsync(path);
            Assert.Equal(expected.Status, response.StatusCode);
            Assert.Equal(expected.Type, response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonOrBytesEqual(expected.Body, await response.Content.ReadAsByteArrayAsync()), path);
        }

        // Query order does not matter to the default matcher.
        using var reordered = await replay.GetAsync("orders/7?a=1&b=2");
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        using var replayedEcho = await replay.PostAsync("echo", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal("{\"qty\":3}", await replayedEcho.Content.ReadAsStringAsync());
        Assert.Equal(hits, Dependency.Hits);
    }

    [Fact]
    public async Task Once_records_when_the_cassette_is_missing_and_replays_when_it_exists()
    {
        using (var first = Client(new Cassette(CassettePath), RecordMode.Once))
        {
            Assert.Equal("hello, world", await first.GetStringAsync("hello"));
        }

        Assert.True(File.Exists(CassettePath));
        Assert.Equal(1, Dependency.Hits);

        using var second = Client(new Cassette(CassettePath), RecordMode.Once);
        Assert.Equal("hello, world", await second.GetStringAsync("hello"));
        Assert.Equal(1, Dependency.Hits);
        await Assert.ThrowsAsync<CassetteMismatchException>(() => second.GetStringAsync("orders/1"));
        Assert.Equal(1, Dependency.Hits);
    }

    [Fact]
    public async Task Record_replaces_what_the_cassette_held()
    {
        using (var first = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            await first.GetStringAsync("hello");
        }

        using (var second = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            await second.GetStringAsync("orders/1");
            await second.GetStringAsync("orders/1");
        }

        string[] uris = RecordedUris();
        Assert.Equal(2, uris.Length);
        Assert.All(uris, uri => Assert.EndsWith("/orders/1", uri));
        Assert.Equal(3, Dependency.Hits);
    }

    [Fact]
    public async Task NewEpisodes_replays_what_is_known_and_records_the_rest()
    {
        using (var first = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            await first.GetStringAsync("hello");
        }

        using (var second = Client(new Cassette(CassettePath), RecordMode.NewEpisodes))
        {
            await second.GetStringAsync("hello");
            Assert.Equal(1, Dependency.Hits);
            await second.GetStringAsync("orders/2");
            Assert.Equal(2, Dependency.Hits);
        }

        Assert.Collection(RecordedUris(), u => Assert.EndsWith("/hello", u), u => Assert.EndsWith("/orders/2", u));
    }

    [Fact]
    public async Task ReplayOnly_names_the_request_the_closest_recording_and_why_it_did_not_match()
    {
        using (var recorder = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            await recorder.GetStringAsync("orders/1?page=2");
            await recorder.GetStringAsync("hello");
        }

        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly);
        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => replay.GetStringAsync("orders/1?page=3"));

        Assert.Equal($"GET {Dependency.BaseAddress}orders/1?page=3", error.Request);
        Assert.Equal($"GET {Dependency.BaseAddress}orders/1?page=2", error.ClosestRecorded);
        Assert.Equal(["query parameter 'page': recorded '2', sent '3'"], error.Reasons);
        Assert.Contains(CassettePath, error.Message);
        Assert.Contains("page", error.Message);
    }

    [Fact]
    public async Task ReplayOnly_without_a_cassette_file_says_how_to_record_one()
    {
        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly);
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => replay.GetStringAsync("hello"));
        Assert.Contains("RecordMode.Once", error.Message);
        Assert.Equal(0, Dependency.Hits);
    }

    [Fact]
    public async Task Bypass_goes_to_the_network_and_leaves_the_cassette_alone()
    {
        using var client = Client(new Cassette(CassettePath), RecordMode.Bypass);
        Assert.Equal("hello, world", await client.GetStringAsync("hello"));
        Assert.Equal(1, Dependency.Hits);
        Assert.False(File.Exists(CassettePath));
    }

    [Fact]
    public async Task Identical_requests_replay_in_recorded_order_then_repeat_the_last()
    {
        using (var recorder = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await recorder.GetAsync("flaky")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await recorder.GetAsync("flaky")).StatusCode);
        }

        await Dependency.StopAsync();
        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await replay.GetAsync("flaky")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("flaky")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("flaky")).StatusCode);
    }

    [Fact]
    public async Task Exhausted_recordings_fail_when_asked_to()
    {
        using (var recorder = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            await recorder.GetAsync("flaky");
            await recorder.GetAsync("flaky");
        }

        var options = new CassetteOptions { WhenExhausted = ExhaustedBehavior.Fail };
        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly, options);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await replay.GetAsync("flaky")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("flaky")).StatusCode);
        var error = await Assert.ThrowsAsync<CassetteMismatchException>(() => replay.GetAsync("flaky"));
        Assert.Contains("already played", error.Message);
    }

    [Fact]
    public async Task Replay_waits_the_recorded_duration_on_the_given_clock()
    {
        File.WriteAllText(CassettePath, $$"""
            { "version": 1, "interactions": [ {
              "request": { "method": "GET", "uri": "{{Dependency.BaseAddress}}hello" },
              "response": { "status": 200, "body": { "encoding": "utf-8", "text": "late" } },
              "durationMs": 1500 } ] }
            """);
        var clock = new FakeTimeProvider();
        var options = new CassetteOptions { ReplayLatency = true, TimeProvider = clock };
        using var invoker = new HttpMessageInvoker(ReplayHandler.Create(new Cassette(CassettePath), RecordMode.ReplayOnly, options));

        var pending = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Dependency.BaseAddress, "hello")), CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        // A real-time guard only, so a broken clock fails the test instead of hanging it.
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("late", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hundred_parallel_requests_are_all_recorded()
    {
        using (var client = Client(new Cassette(CassettePath), RecordMode.Record))
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.GetStringAsync($"orders/{i}")));
            Assert.Equal(100, responses.Length);
        }

        var ids = RecordedUris().Select(u => int.Parse(u[(u.LastIndexOf('/') + 1)..])).Order();
        Assert.Equal(Enumerable.Range(0, 100), ids);
        Assert.Equal([CassettePath], Directory.GetFiles(Files.Path));

        await Dependency.StopAsync();
        using var replay = Client(new Cassette(CassettePath), RecordMode.ReplayOnly);
        var replayed = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => replay.GetStringAsync($"orders/{i}")));
        Assert.All(replayed.Select((body, i) => (body, i)), r => Assert.Contains($"\"id\":\"{r.i}\"", r.body));
    }

    private HttpClient Client(Cassette cassette, RecordMode mode, CassetteOptions? options = null) =>
        new(ReplayHandler.Create(cassette, mode, options)) { BaseAddress = Dependency.BaseAddress };

    private string[] RecordedUris() =>
        JsonNode.Parse(File.ReadAllText(CassettePath))!["interactions"]!.AsArray()
            .Select(i => i!["request"]!["uri"]!.GetValue<string>()).ToArray();

    private static bool JsonOrBytesEqual(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return true;
        }

        // JSON is replayed compact: equal as JSON, not necessarily byte for byte.
        return JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
    }
}
